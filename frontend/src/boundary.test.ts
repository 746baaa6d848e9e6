// @vitest-environment node
// Only src/api knows the generated bindings: every other file takes the models (and the
// calls) from '@/api', so a change of the bindings is met in one folder.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

const src = join(__dirname)

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name)
    if (statSync(p).isDirectory()) return files(p)
    return /\.(ts|vue)$/.test(name) ? [p] : []
  })
}

/** The modules of the bindings a file imports: by `from`, by a bare `import '…'`, or by `import('…')`. */
export function bindingImports(text: string): string[] {
  return [...text.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*['"]([^'"]*wailsjs\/[^'"]*)['"]/g)].map((m) => m[1])
}

describe('the bindings are src/api\'s business', () => {
  it('finds an import of the generated models', () => {
    expect(bindingImports("import { app } from '@/wailsjs/go/models'")).toEqual(['@/wailsjs/go/models'])
    expect(bindingImports("import type { domain } from '../wailsjs/go/models'")).toEqual(['../wailsjs/go/models'])
    expect(bindingImports("const m = await import('@/wailsjs/go/app/Sync')")).toEqual(['@/wailsjs/go/app/Sync'])
    expect(bindingImports("import '@/wailsjs/runtime/runtime'")).toEqual(['@/wailsjs/runtime/runtime'])
    expect(bindingImports("import { app } from '@/api'")).toEqual([])
    expect(bindingImports("// the models come from src/api, never from wailsjs/go/models")).toEqual([])
  })

  it('no file outside src/api imports them', () => {
    const offenders = files(src)
      .map((p) => relative(src, p))
      .filter((p) => !p.startsWith('api/') && !p.startsWith('wailsjs/') && p !== 'boundary.test.ts')
      .filter((p) => bindingImports(readFileSync(join(src, p), 'utf8')).length > 0)
    expect(offenders).toEqual([])
  })
})
