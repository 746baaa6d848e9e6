// @vitest-environment node
// The Node version the README asks for runs every build and test tool the project pins: each
// direct dependency's "engines.node" admits it (vitest 5 wants Node 22.12, so it is pinned at 4).
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

type Version = [number, number, number]

function parse(v: string): Version {
  const [a = 0, b = 0, c = 0] = v.replace(/^v/, '').split('.').map((x) => parseInt(x, 10) || 0)
  return [a, b, c]
}

function cmp(a: Version, b: Version): number {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] - b[i]
  return 0
}

// admits says whether a semver range of the forms engines use (^X.Y.Z, >=X.Y.Z, >X, <X,
// X.Y.Z, *, joined by spaces and ||) admits v.
export function admits(range: string, v: Version): boolean {
  return range.split('||').some((set) =>
    set.trim().split(/\s+/).every((c) => {
      if (c === '' || c === '*') return true
      const m = /^(\^|>=|<=|>|<|=)?(.*)$/.exec(c)!
      const w = parse(m[2])
      switch (m[1]) {
        case '^': return cmp(v, w) >= 0 && v[0] === w[0]
        case '>=': return cmp(v, w) >= 0
        case '<=': return cmp(v, w) <= 0
        case '>': return cmp(v, w) > 0
        case '<': return cmp(v, w) < 0
        default: return cmp(v, w) === 0
      }
    }),
  )
}

describe('toolchain', () => {
  it('reads ranges as npm does', () => {
    expect(admits('^20.19.0 || >=22.12.0', [20, 19, 0])).toBe(true)
    expect(admits('^20.19.0 || >=22.12.0', [20, 18, 9])).toBe(false)
    expect(admits('^22.12.0 || ^24.0.0 || >=26.0.0', [20, 19, 0])).toBe(false)
    expect(admits('>=18 <21', [20, 1, 0])).toBe(true)
  })

  it("the README's Node version runs every pinned tool", () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')
    const m = /Node (\d+\.\d+)/.exec(readme)
    expect(m, 'the README names a Node version such as "Node 20.19"').not.toBeNull()
    const node = parse(m![1])
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
    const refused: string[] = []
    for (const name of Object.keys({ ...pkg.dependencies, ...pkg.devDependencies })) {
      const dep = JSON.parse(readFileSync(new URL(`../node_modules/${name}/package.json`, import.meta.url), 'utf8'))
      const range = dep.engines?.node
      if (range && !admits(range, node)) refused.push(`${name}@${dep.version} wants Node ${range}`)
    }
    expect(refused).toEqual([])
  })
})
