import type { z } from 'zod'
import { asylnorskSlice } from './asylnorsk'
import { certificatesSlice } from './certificates'
import { claimSlice } from './claim'
import { contactSlice } from './contact'
import { decisionSlice } from './decision'
import { int2021Slice } from './int2021'
import { introSlice } from './intro'
import { norskSlice } from './norsk'
import { personListSlice } from './person-list'
import { personsSlice } from './persons'
import { referenceSlice } from './reference'
import { reportsSlice } from './reports'
import { lockSlice } from './lock'
import { sessionSlice } from './session'
import { mergeSlices } from './slice'
import { syncSlice } from './sync'

export type { Language, SessionState } from './session'
export type { SyncProblem, SyncProblemRow, SyncStatus } from './sync'
export type { PersonHit, PersonView, SearchResult } from './persons'
export type { Saved } from './saved'
export type { MunicipalityReportsView, ReportPersonName } from './reports'
export type { CertificateEntry, CertificatePendingRow, RenderedCertificate } from './certificates'
export { mergeSlices, type ContractEntry } from './slice'

/**
 * The application contract (architecture.md A2): every query and command the renderer may
 * call, as `domain.verb` → zod input schema + result type, one slice per area
 * (`shared/api/<area>.ts`) merged here; a name in two slices does not compile. The names are
 * a wire format (IPC channel and `POST /api/:name`): rename on purpose only.
 */
export const contract = mergeSlices(
  sessionSlice,
  lockSlice,
  syncSlice,
  personsSlice,
  personListSlice,
  referenceSlice,
  decisionSlice,
  contactSlice,
  claimSlice,
  norskSlice,
  asylnorskSlice,
  introSlice,
  int2021Slice,
  reportsSlice,
  certificatesSlice,
)

export type Contract = typeof contract
export type ContractName = keyof Contract
export type InputOf<K extends ContractName> = z.input<Contract[K]['input']>
export type OutputOf<K extends ContractName> = Contract[K]['output']
export const contractNames = Object.keys(contract) as ContractName[]
