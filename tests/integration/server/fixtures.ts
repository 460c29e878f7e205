import { generateDemoNdjson } from '../../../src/server'

export const TODAY = '2025-06-02'

/** A small generated feed: Bergen `bergen` persons, Oslo `oslo` persons. */
export function smallFeed(bergen = 12, oslo = 4, seed = 7): string {
  return generateDemoNdjson({
    seed,
    today: TODAY,
    municipalities: [
      { code: '4601', count: bergen },
      { code: '0301', count: oslo },
    ],
  })
}

export type Line = Record<string, unknown> & { type: string }

export function parseLines(text: string): Line[] {
  return text
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Line)
}

export function toText(lines: Line[]): string {
  return lines.map((l) => JSON.stringify(l)).join('\n') + '\n'
}

/** The person lines of a feed. */
export function personsOf(lines: Line[]): Line[] {
  return lines.filter((l) => l.type === 'person')
}
