import { app } from './messages/app'
import { reasons } from './messages/reasons'
import { ruleExplanations } from './messages/rules-explanations'

/**
 * nb and nn texts for every part. Each area keeps its own file under `messages/`
 * exporting `{ nb, nn }` with identical keys (a test checks that both are complete).
 */
export const messages = {
  nb: { ...app.nb, reasons: reasons.nb, explanations: ruleExplanations.nb },
  nn: { ...app.nn, reasons: reasons.nn, explanations: ruleExplanations.nn },
}
export type Messages = typeof messages.nb
