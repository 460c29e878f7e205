/**
 * RFC 4180 CSV as Norwegian Excel opens it: `;` between fields (the comma is the decimal
 * separator there), CRLF between records, a field quoted when it holds `;`, `"`, CR or LF
 * (quotes doubled), and a UTF-8 BOM so Excel reads æøå right.
 */
export type CsvCell = string | number | null | undefined

export const CSV_BOM = '\uFEFF'

function field(v: CsvCell, decimal: string): string {
  if (v === null || v === undefined) return ''
  const s = typeof v === 'number' ? String(v).replace('.', decimal) : v
  return /[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

/** The file's text, BOM first. Numbers use `decimal` (`,` for Norwegian Excel). */
export function toCsv(rows: readonly (readonly CsvCell[])[], decimal = ','): string {
  return CSV_BOM + rows.map((r) => r.map((c) => field(c, decimal)).join(';')).join('\r\n') + '\r\n'
}

/** Reads what `toCsv` writes (and any RFC 4180 text with `;`): records of fields, BOM dropped. */
export function parseCsv(text: string): string[][] {
  const src = text.startsWith(CSV_BOM) ? text.slice(1) : text
  const rows: string[][] = []
  let row: string[] = []
  let cur = ''
  let quoted = false
  for (let i = 0; i < src.length; i++) {
    const c = src[i]
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        cur += '"'
        i++
      } else if (c === '"') quoted = false
      else cur += c
    } else if (c === '"') quoted = true
    else if (c === ';') {
      row.push(cur)
      cur = ''
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && src[i + 1] === '\n') i++
      row.push(cur)
      rows.push(row)
      row = []
      cur = ''
    } else cur += c
  }
  if (cur !== '' || row.length) {
    row.push(cur)
    rows.push(row)
  }
  return rows
}
