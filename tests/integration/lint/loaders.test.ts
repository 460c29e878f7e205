import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from 'vitest'

const root = join(import.meta.dirname, '../../../src/renderer/src')

function vueFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? vueFiles(join(dir, e.name)) : e.name.endsWith('.vue') ? [join(dir, e.name)] : []))
}

/** Every element `<tag …>…</tag>` of the template whose opening tag binds `:loading`. */
function loadingElements(source: string, tag: string): string[] {
  const found: string[] = []
  const open = new RegExp(`<${tag}\\b`, 'g')
  for (let m = open.exec(source); m; m = open.exec(source)) {
    let i = m.index + m[0].length
    let quote: string | null = null
    for (; i < source.length; i++) {
      const c = source[i]
      if (quote) quote = c === quote ? null : quote
      else if (c === '"' || c === "'") quote = c
      else if (c === '>') break
    }
    const opening = source.slice(m.index, i + 1)
    if (!/\s:loading=/.test(opening)) continue
    const close = opening.endsWith('/>') ? i + 1 : source.indexOf(`</${tag}>`, i)
    found.push(source.slice(m.index, close))
  }
  return found
}

// The axe rule `aria-progressbar-name` (serious): Vuetify's own loader of a busy button or
// field is a progressbar without a name, and it shows only while something is slow, so an
// e2e check meets it by chance (the reports screen on a loaded CI machine). Every busy
// button and field therefore brings its own named loader (`BtnLoader`).
test('every v-btn and v-text-field that can be busy (:loading) has a #loader slot with a named progressbar', () => {
  const unnamed: string[] = []
  for (const file of vueFiles(root)) {
    const source = readFileSync(file, 'utf8')
    for (const tag of ['v-btn', 'v-text-field', 'v-autocomplete', 'v-select', 'v-combobox', 'v-card']) {
      for (const element of loadingElements(source, tag)) {
        const loader = /<template #loader>([\s\S]*?)<\/template>/.exec(element)?.[1] ?? ''
        if (!/<BtnLoader\b/.test(loader) && !/aria-label=/.test(loader)) unnamed.push(`${file.slice(root.length + 1)}: ${element.split('\n')[0].slice(0, 120)}`)
      }
    }
  }
  expect(unnamed).toEqual([])
})
