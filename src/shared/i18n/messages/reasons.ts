import { deviceReasons } from './reasons-device'
import { idsReasons } from './reasons-ids'
import { ruleReasons } from './reasons-rules'

/** Texts of reason codes (`Reason.code`), bokmål and nynorsk. `{name}` interpolates `Reason.values`. */
export const reasons = {
  nb: {
    ...deviceReasons.nb,
    ...idsReasons.nb,
    ...ruleReasons.nb,
    internal: 'Det oppstod en uventet feil. Prøv igjen, eller kontakt brukerstøtte.',
    INVALID_INPUT: 'Ugyldig verdi.',
  },
  nn: {
    ...deviceReasons.nn,
    ...idsReasons.nn,
    ...ruleReasons.nn,
    internal: 'Det oppstod ein uventa feil. Prøv igjen, eller kontakt brukarstøtte.',
    INVALID_INPUT: 'Ugyldig verdi.',
  },
}
