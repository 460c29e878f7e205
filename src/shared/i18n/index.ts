import { app } from './messages/app'
import { reasons } from './messages/reasons'

/**
 * nb and nn texts for every part. Each area keeps its own file under `messages/`
 * exporting `{ nb, nn }` with identical keys (a test checks that both are complete).
 */
export const messages = {
  nb: { ...app.nb, reasons: reasons.nb },
  nn: { ...app.nn, reasons: reasons.nn },
}
export type Messages = typeof messages.nb
