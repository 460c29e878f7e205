import type { Person } from '../../../src/shared/domain'
import type { ScopeData } from './register-data'

/** Picks the test persons from the register's real demo data (no hard-coded persons). */
export function inMunicipality(scope: ScopeData, municipality: string): Person[] {
  return scope.persons.filter((p) => p.followUpMunicipality === municipality)
}

const historyLength = (s: ScopeData, p: Person) =>
  Math.min(s.permits.get(p.id)?.length ?? 0, 2) + Math.min(s.addresses.get(p.id)?.length ?? 0, 2) + Math.min(s.citizenships.get(p.id)?.length ?? 0, 2)

/** The person with the richest history, preferring one with national id and reg-nummer. */
export function richestPerson(scope: ScopeData, municipality: string): Person {
  const candidates = inMunicipality(scope, municipality).filter((p) => !p.closed)
  const score = (p: Person) => historyLength(scope, p) * 4 + (p.nationalId ? 2 : 0) + (p.regNumber ? 1 : 0)
  const best = [...candidates].sort((a, b) => score(b) - score(a) || a.duf.localeCompare(b.duf))[0]
  if (!best) throw new Error(`no persons followed up by ${municipality}`)
  return best
}

export function personWith(scope: ScopeData, municipality: string, pred: (p: Person) => boolean): Person {
  const p = inMunicipality(scope, municipality).find(pred)
  if (!p) throw new Error('no person in the demo data matches')
  return p
}

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
export function nameParts(p: Person): string[] {
  return [p.firstName, p.middleName ?? '', p.lastName]
    .flatMap((n) => n.split(/\s+/))
    .filter(Boolean)
    .map(fold)
}

/** The three-letter prefix shared by most persons' name parts — a partial name with several hits. */
export function commonPrefix(scope: ScopeData, municipality: string): { prefix: string; persons: Person[] } {
  const counts = new Map<string, Person[]>()
  for (const p of inMunicipality(scope, municipality)) {
    for (const pre of new Set(
      nameParts(p)
        .map((n) => n.slice(0, 3))
        .filter((pre) => /^\p{L}{3}$/u.test(pre)),
    )) {
      counts.set(pre, [...(counts.get(pre) ?? []), p])
    }
  }
  const [prefix, persons] = [...counts.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))[0] ?? ['', []]
  return { prefix, persons }
}

export const displayName = (p: Person) => [p.firstName, p.middleName, p.lastName].filter(Boolean).join(' ')
