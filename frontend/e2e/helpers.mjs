// Starts `partnerbook ui` on a fresh data folder and Debian's Chromium, for end-to-end tests.
import { spawn, execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'

export const bin = process.env.PARTNERBOOK_BIN || join(import.meta.dirname, '..', '..', 'build', 'bin', 'partnerbook-cli')

/** startUI runs `partnerbook ui` on a new data folder and resolves with its URL. */
export async function startUI() {
  const data = mkdtempSync(join(tmpdir(), 'pb-e2e-'))
  const proc = spawn(bin, ['ui', '--data', data, '--addr', '127.0.0.1:0'], { stdio: ['ignore', 'pipe', 'pipe'] })
  let stderr = ''
  proc.stderr.on('data', (d) => (stderr += d))
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('partnerbook ui printed no URL: ' + stderr)), 15000)
    proc.stdout.on('data', (d) => {
      const m = String(d).match(/http:\/\/\S+/)
      if (m) { clearTimeout(timer); resolve(m[0]) }
    })
    proc.on('exit', (code) => reject(new Error(`partnerbook ui exited ${code}: ${stderr}`)))
  })
  return {
    url, data,
    cli: (...args) => execFileSync(bin, ['--data', data, ...args], { encoding: 'utf8' }),
    async stop() { proc.kill('SIGTERM'); await new Promise((r) => proc.once('exit', r)); rmSync(data, { recursive: true, force: true }) },
  }
}

/** launch starts Debian's Chromium headless, with the flags this closed network needs. */
export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic'],
  })
}

/**
 * session starts `partnerbook ui` and a Chromium page before a file's tests and stops both
 * after; its fields are filled once the tests run.
 */
export function session(hooks) {
  const s = { ui: null, browser: null, page: null, byTest: (id) => s.page.locator(`[data-testid="${id}"]`) }
  hooks.before(async () => {
    s.ui = await startUI()
    s.browser = await launch()
    s.page = await s.browser.newPage({ viewport: { width: 1280, height: 900 } })
  })
  hooks.after(async () => {
    await s.browser?.close()
    await s.ui?.stop()
  })
  return s
}
