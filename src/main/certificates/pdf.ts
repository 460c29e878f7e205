import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import fontkit from '@pdf-lib/fontkit'
import { PDFDocument, rgb, type PDFFont, type PDFImage, type PDFPage } from 'pdf-lib'
import type { CertificateContent, CertificateSection } from '../../shared/certificates'
import { PNG_SIGNATURE } from './logo'

/** A4 in PostScript points (ISO 216: 210 × 297 mm). */
export const A4: [number, number] = [595.28, 841.89]
const MARGIN = 56
const FOOTER_SPACE = 40
const WIDTH = A4[0] - 2 * MARGIN
const LABEL_WIDTH = 222
const SIZE = { title: 17, issuedBy: 10, heading: 12, body: 10.5, table: 9.5, footer: 8 }
const GREY = rgb(0.35, 0.35, 0.35)
const RULE = rgb(0.7, 0.7, 0.7)
const TABLE_HEAD_BG = rgb(0.92, 0.92, 0.92)
/** Measures table: measure, type, period, hours per week (the rest of the width). */
const COLUMNS = [170, 90, 130, WIDTH - 390]

export interface RenderOptions {
  /** The municipality's logo from settings (PNG), printed top right, at most 120 × 56 pt. */
  logoPng?: Uint8Array
  /** Folder of the TTF fonts; default: `resources/fonts` of the app or the source tree. */
  fontsDir?: string
}

/**
 * `resources/fonts` from this file in the source tree (tsx, vitest, browser mode) or from the
 * bundled `out/main` of the desktop app (inside app.asar, which Electron's fs reads).
 */
export function defaultFontsDir(moduleUrl: string = import.meta.url): string {
  // src/main/certificates/pdf.ts and out/main/chunks/*.js are three levels down, out/main/index.js two
  const candidates = ['../../../resources/fonts', '../../resources/fonts'].map((p) => fileURLToPath(new URL(p, moduleUrl)))
  const hit = candidates.find((d) => existsSync(join(d, 'DejaVuSans.ttf')))
  if (!hit) throw new Error(`certificate fonts not found (looked in ${candidates.join(', ')})`)
  return hit
}

/**
 * The certificate as an A4 PDF (issue 10 point 3), made on the device with pdf-lib and
 * DejaVu Sans embedded (subset) so æ, ø, å print on any printer and viewer. Heading with the
 * issuing municipality and optional logo, label–value sections, the intro measures table
 * (its header repeated on each page), the ending, place and date, a signature line with the
 * caseworker's name and title; long values wrap, and a document past one page gets
 * "Side n av N" on every page. Throws on a logo that is not a PNG (settings must refuse it).
 */
export async function renderCertificatePdf(content: CertificateContent, options: RenderOptions = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  doc.registerFontkit(fontkit)
  const dir = options.fontsDir ?? defaultFontsDir()
  const regular = await doc.embedFont(readFileSync(join(dir, 'DejaVuSans.ttf')), { subset: true })
  const bold = await doc.embedFont(readFileSync(join(dir, 'DejaVuSans-Bold.ttf')), { subset: true })
  let logo: PDFImage | null = null
  if (options.logoPng) {
    if (!PNG_SIGNATURE.every((b, i) => options.logoPng![i] === b)) throw new Error('certificate logo is not a PNG')
    logo = await doc.embedPng(options.logoPng)
  }
  doc.setTitle(content.title)
  doc.setSubject(content.person.name)
  doc.setLanguage(content.lang === 'nn' ? 'nn-NO' : 'nb-NO')
  doc.setCreator('NIR Offline')
  doc.setProducer('NIR Offline (pdf-lib)')

  const w = new Writer(doc, regular, bold)
  w.newPage()
  heading(w, content, logo)
  for (const s of content.sections) section(w, s)
  if (content.measuresTable) table(w, content.measuresTable)
  for (const s of content.sectionsAfterTable) section(w, s)
  closing(w, content)
  w.finish(content)
  return doc.save()
}

/** A cursor over pages: writes lines top-down and opens a new page when one is full. */
class Writer {
  page!: PDFPage
  y = 0
  readonly pages: PDFPage[] = []
  constructor(
    readonly doc: PDFDocument,
    readonly regular: PDFFont,
    readonly bold: PDFFont,
  ) {}

  newPage(): void {
    this.page = this.doc.addPage(A4)
    this.pages.push(this.page)
    this.y = A4[1] - MARGIN
  }

  /** Opens a new page unless `height` more points fit above the footer. */
  ensure(height: number): boolean {
    if (this.y - height >= MARGIN + FOOTER_SPACE) return false
    this.newPage()
    return true
  }

  text(s: string, x: number, y: number, size: number, font = this.regular, color = rgb(0, 0, 0)): void {
    this.page.drawText(s, { x, y, size, font, color })
  }

  /** `s` broken into lines no wider than `width`; a word wider than the line is cut. */
  wrap(s: string, width: number, size: number, font = this.regular): string[] {
    // only ordinary spaces break a line: the texts bind "§\u00a026" with a no-break space
    const words = s
      .replace(/[ \t\r\n]+/g, ' ')
      .trim()
      .split(' ')
    const lines: string[] = []
    let line = ''
    const fits = (t: string) => font.widthOfTextAtSize(t, size) <= width
    for (let word of words) {
      const next = line ? `${line} ${word}` : word
      if (fits(next)) {
        line = next
        continue
      }
      if (line) lines.push(line)
      while (!fits(word)) {
        let cut = word.length - 1
        while (cut > 1 && !fits(word.slice(0, cut))) cut--
        lines.push(word.slice(0, cut))
        word = word.slice(cut)
      }
      line = word
    }
    lines.push(line)
    return lines
  }

  /** `head + tail` within `width`, the head shortened with an ellipsis when it must be. */
  fitted(head: string, tail: string, width: number, size: number): string {
    let h = head
    while (h.length > 1 && this.regular.widthOfTextAtSize(`${h}${tail}`, size) > width) h = `${h.slice(0, -2)}…`
    return `${h}${tail}`
  }

  /** Footer text and, past one page, page numbers on every page. */
  finish(content: CertificateContent): void {
    const total = this.pages.length
    this.pages.forEach((page, i) => {
      const size = SIZE.footer
      page.drawLine({ start: { x: MARGIN, y: MARGIN + 14 }, end: { x: A4[0] - MARGIN, y: MARGIN + 14 }, thickness: 0.5, color: RULE })
      const lines = this.wrap(content.footer, WIDTH - 80, size)
      lines.forEach((l, k) => page.drawText(l, { x: MARGIN, y: MARGIN + 3 - k * (size + 2), size, font: this.regular, color: GREY }))
      // a continuation page names whose certificate it is, should the pages come apart
      if (i > 0)
        page.drawText(this.fitted(content.person.name, `, ${content.person.duf}`, WIDTH, size), { x: MARGIN, y: A4[1] - MARGIN + 16, size, font: this.regular, color: GREY })
      if (total > 1) {
        const label = content.pageLabel.replace('{n}', String(i + 1)).replace('{total}', String(total))
        page.drawText(label, { x: A4[0] - MARGIN - this.regular.widthOfTextAtSize(label, size), y: MARGIN + 3, size, font: this.regular, color: GREY })
      }
    })
  }
}

function heading(w: Writer, c: CertificateContent, logo: PDFImage | null): void {
  let textWidth = WIDTH
  if (logo) {
    const scale = Math.min(120 / logo.width, 56 / logo.height, 1)
    const lw = logo.width * scale
    const lh = logo.height * scale
    w.page.drawImage(logo, { x: A4[0] - MARGIN - lw, y: w.y - lh, width: lw, height: lh })
    textWidth = WIDTH - lw - 16
  }
  for (const l of w.wrap(c.issuedBy, textWidth, SIZE.issuedBy)) {
    w.y -= SIZE.issuedBy + 3
    w.text(l, MARGIN, w.y, SIZE.issuedBy, w.regular, GREY)
  }
  w.y -= 16
  for (const l of w.wrap(c.title, textWidth, SIZE.title, w.bold)) {
    w.y -= SIZE.title + 4
    w.text(l, MARGIN, w.y, SIZE.title, w.bold)
  }
  if (logo) w.y = Math.min(w.y, A4[1] - MARGIN - 60)
  w.y -= 10
  w.page.drawLine({ start: { x: MARGIN, y: w.y }, end: { x: A4[0] - MARGIN, y: w.y }, thickness: 1, color: RULE })
  w.y -= 8
}

function sectionHeading(w: Writer, text: string, after: number): void {
  // A heading never stands alone at the foot of a page: it moves with its first line.
  w.ensure(SIZE.heading + 14 + after)
  w.y -= SIZE.heading + 12
  w.text(text, MARGIN, w.y, SIZE.heading, w.bold)
  w.y -= 4
}

function section(w: Writer, s: CertificateSection): void {
  const lineHeight = SIZE.body + 4
  sectionHeading(w, s.heading, lineHeight)
  for (const row of s.rows) {
    const labels = w.wrap(row.label, LABEL_WIDTH - 10, SIZE.body)
    const values = w.wrap(row.value, WIDTH - LABEL_WIDTH, SIZE.body)
    const n = Math.max(labels.length, values.length)
    w.ensure(n * lineHeight)
    // the label whole, then the value whole: a copy or a screen reader gets "label value"
    labels.forEach((l, i) => w.text(l, MARGIN, w.y - (i + 1) * lineHeight, SIZE.body, w.regular, GREY))
    values.forEach((v, i) => w.text(v, MARGIN + LABEL_WIDTH, w.y - (i + 1) * lineHeight, SIZE.body))
    w.y -= n * lineHeight
  }
}

function table(w: Writer, t: NonNullable<CertificateContent['measuresTable']>): void {
  const size = SIZE.table
  const lineHeight = size + 3
  const pad = 4
  const cells = (row: readonly string[], font: PDFFont) => row.map((cell, i) => w.wrap(cell, COLUMNS[i] - 2 * pad, size, font))
  const drawRow = (lines: string[][], font: PDFFont, background?: ReturnType<typeof rgb>) => {
    const height = Math.max(...lines.map((l) => l.length)) * lineHeight + 2 * pad
    if (background) w.page.drawRectangle({ x: MARGIN, y: w.y - height, width: WIDTH, height, color: background })
    let x = MARGIN
    lines.forEach((cell, i) => {
      // hours are numbers: right-aligned in their column
      cell.forEach((l, k) => {
        const lx = i === COLUMNS.length - 1 ? x + COLUMNS[i] - pad - font.widthOfTextAtSize(l, size) : x + pad
        w.text(l, lx, w.y - pad - (k + 1) * lineHeight + 3, size, font)
      })
      x += COLUMNS[i]
    })
    w.y -= height
    w.page.drawLine({ start: { x: MARGIN, y: w.y }, end: { x: A4[0] - MARGIN, y: w.y }, thickness: 0.5, color: RULE })
  }
  const head = cells(t.columns, w.bold)
  const headHeight = Math.max(...head.map((l) => l.length)) * lineHeight + 2 * pad
  const rows = t.rows.map((r) => cells(r, w.regular))
  const firstHeight = rows.length ? Math.max(...rows[0].map((l) => l.length)) * lineHeight + 2 * pad : lineHeight
  sectionHeading(w, t.heading, headHeight + firstHeight)
  w.y -= 4
  drawRow(head, w.bold, TABLE_HEAD_BG)
  if (rows.length === 0) {
    w.y -= lineHeight
    w.text(t.empty, MARGIN + pad, w.y, size, w.regular, GREY)
    return
  }
  for (const r of rows) {
    const height = Math.max(...r.map((l) => l.length)) * lineHeight + 2 * pad
    // a row that moves to the next page takes the column headings with it
    if (w.ensure(height)) drawRow(head, w.bold, TABLE_HEAD_BG)
    drawRow(r, w.regular)
  }
}

function closing(w: Writer, c: CertificateContent): void {
  const size = SIZE.body
  const block = 24 + size + 48 + 3 * (size + 4)
  w.ensure(block)
  w.y -= 24 + size
  w.text(c.closing.placeAndDate, MARGIN, w.y, size)
  w.y -= 48
  w.page.drawLine({ start: { x: MARGIN, y: w.y }, end: { x: MARGIN + 240, y: w.y }, thickness: 0.75, color: rgb(0, 0, 0) })
  w.y -= size + 4
  w.text(c.closing.signatureLabel, MARGIN, w.y, SIZE.footer + 0.5, w.regular, GREY)
  for (const [text, font] of [
    [c.closing.caseworkerName, w.bold],
    [c.closing.caseworkerTitle, w.regular],
  ] as const) {
    for (const l of w.wrap(text, 300, size, font)) {
      w.y -= size + 4
      w.text(l, MARGIN, w.y, size, font)
    }
  }
}
