import { commandEntry } from './saved'

/**
 * Registrations of the integration act of 2021 (R12.3.2): education background and norskmål
 * (Kartlegging), final goal, integration contract, programme elements and the reference-person
 * condition (Intro), full-time upper secondary (Norsk). One command for every kind — the kind
 * is `fact.kind` — so each is a dated row with history; a correction is a new row, a mistake is
 * deleted. Handled on the device by `mutating()` and judged again on the register; refused
 * `NOT_IN_REGIME` for a person under the 2003 act.
 */
export const int2021Slice = {
  'int2021.register': commandEntry('int2021.register'),
  'int2021.delete': commandEntry('int2021.delete'),
} as const
