import type { Role } from '../../shared/domain'

/** The one password of every demo user (README, tests, embedded demo mode). */
export const DEMO_PASSWORD = 'demo1234'

export interface DemoUser {
  username: string
  password: string
  displayName: string
  municipality: string
  district: string | null
  roles: Role[]
  centralAdmin?: boolean
}

const bergen = (username: string, displayName: string, roles: Role[]): DemoUser => ({
  username,
  password: DEMO_PASSWORD,
  displayName,
  municipality: '4601',
  district: null,
  roles,
})

/** Demo users (A8): one per role in Bergen, plus the central administrator who imports base data. */
export const demoUsers: DemoUser[] = [
  bergen('intro', 'Ingrid Haugland', ['kommuneintro']),
  bergen('norsk', 'Nils Øvrebø', ['kommunenorsk']),
  bergen('les', 'Liv Årdal', ['kommuneles']),
  bergen('admin', 'Per Ås', ['kommuneadministrator']),
  bergen('tilskot', 'Tone Skaar', ['kommunetilskudd_asylnorsksokar']),
  bergen('etterreg', 'Eirik Mæland', ['kommuneintro', 'kommunenorsk', 'kommuneetterregistrering']),
  bergen('super', 'Solveig Bø', ['kommunenirsuperbrukar']),
  bergen('support', 'Håkon Vik', ['kommunesupport']),
  { username: 'nir-admin', password: DEMO_PASSWORD, displayName: 'Sentral administrator', municipality: '0301', district: null, roles: [], centralAdmin: true },
]
