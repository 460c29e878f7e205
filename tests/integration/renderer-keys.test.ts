import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, test } from 'vitest'
import { messages } from '../../src/shared/i18n'

/** issue 6 point 6: every key a screen asks for with a literal `t('…')` exists in nb and nn. */
type Tree = { [k: string]: unknown }
const leafKeys = (t: Tree, prefix = ''): string[] =>
  Object.entries(t).flatMap(([k, v]) => (v !== null && typeof v === 'object' ? leafKeys(v as Tree, `${prefix}${k}.`) : [`${prefix}${k}`]))
const nb = new Set(leafKeys(messages.nb))
const nn = new Set(leafKeys(messages.nn))

const RENDERER = join(__dirname, '..', '..', 'src', 'renderer')
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name)
    if (e.isDirectory()) return sources(path)
    return /\.(vue|ts)$/.test(e.name) && !e.name.endsWith('.test.ts') ? [path] : []
  })
}
/** `t('a.b')`, `$t("a.b")`, `te('a.b')` with a literal key (dynamic keys cannot be checked here). */
const LITERAL_KEY = /(?<![\w.])\$?te?\(\s*(['"])([\w.-]+)\1/g
function literalKeys(source: string): string[] {
  return [...source.matchAll(LITERAL_KEY)].map((m) => m[2]!)
}

describe('renderer message keys', () => {
  test("every literal t('…') key in the renderer exists in both languages", () => {
    const files = sources(RENDERER)
    // The scan must see the screens' keys at all, or it would pass on nothing.
    expect(files.flatMap((f) => literalKeys(readFileSync(f, 'utf8'))).length).toBeGreaterThan(50)
    const missing = files.flatMap((file) =>
      literalKeys(readFileSync(file, 'utf8'))
        .filter((key) => !nb.has(key) || !nn.has(key))
        .map((key) => `${relative(RENDERER, file)}: ${key}`),
    )
    expect(missing).toEqual([])
  })

  test.each([
    [`t('login.title')`, ['login.title']],
    [`{{ $t("sync.upToDate") }}`, ['sync.upToDate']],
    [`te('reasons.X') ? t(key) : t(\`reasons.\${c}\`)`, ['reasons.X']],
    [`format(x); list.at(0); item.t('no')`, []],
  ])('the key scanner reads %s', (source, keys) => {
    expect(literalKeys(source)).toEqual(keys)
  })
})
