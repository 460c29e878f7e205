import { app } from './messages/app'
import { reasons } from './messages/reasons'
import { ruleExplanations } from './messages/rules-explanations'
import { rulesUi } from './messages/rules-ui'

/**
 * nb and nn texts for every part. Each area keeps its own file under `messages/`
 * exporting `{ nb, nn }` with identical keys (a test checks that both are complete).
 */
export const messages = {
  nb: { ...app.nb, reasons: reasons.nb, explanations: ruleExplanations.nb, rulesUi: rulesUi.nb },
  nn: { ...app.nn, reasons: reasons.nn, explanations: ruleExplanations.nn, rulesUi: rulesUi.nn },
}
export type Messages = typeof messages.nb
