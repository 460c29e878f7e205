import { idsReasons } from './reasons-ids'

/** Texts of reason codes (`Reason.code`), bokmål and nynorsk. `{name}` interpolates `Reason.values`. */
export const reasons = {
  nb: {
    ...idsReasons.nb,
    internal: 'Det oppstod en uventet feil. Prøv igjen, eller kontakt brukerstøtte.',
    INVALID_INPUT: 'Ugyldig verdi.',
  },
  nn: {
    ...idsReasons.nn,
    internal: 'Det oppstod ein uventa feil. Prøv igjen, eller kontakt brukarstøtte.',
    INVALID_INPUT: 'Ugyldig verdi.',
  },
}
