/**
 * Whether the search on screen was just asked for by the caseworker (search button, Enter)
 * rather than reached with Back or a reload. Only then does a single hit open the person
 * (the guide's "Søk etter person"); otherwise Back from that person would land on the
 * search and be sent straight back to the person.
 */
let asked: string | null = null

export function markSearchAsked(query: string): void {
  asked = query
}

/** True once for the query just asked for; false for the same query reached again later. */
export function takeSearchAsked(query: string): boolean {
  const was = asked === query
  asked = null
  return was
}
