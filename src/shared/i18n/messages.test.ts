import { describe, expect, test } from 'vitest'
import { messages } from './index'

/**
 * issue 6 point 6: bokmål is the message schema; nynorsk holds exactly the same keys. (Types
 * check nn against nb too; this names the key. The renderer's literal `t('…')` keys are
 * checked in `tests/integration/renderer-keys.test.ts`, which may read files.)
 */
type Tree = { [k: string]: unknown }
const leafKeys = (t: Tree, prefix = ''): string[] =>
  Object.entries(t).flatMap(([k, v]) => (v !== null && typeof v === 'object' ? leafKeys(v as Tree, `${prefix}${k}.`) : [`${prefix}${k}`]))

const nb = new Set(leafKeys(messages.nb))
const nn = new Set(leafKeys(messages.nn))

describe('nb and nn message catalogues', () => {
  test('every nb key exists in nn', () => {
    expect(nb.size).toBeGreaterThan(100)
    expect([...nb].filter((k) => !nn.has(k))).toEqual([])
  })

  test('nn has no key that nb lacks', () => {
    expect([...nn].filter((k) => !nb.has(k))).toEqual([])
  })
})
