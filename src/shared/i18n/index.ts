import { app } from './messages/app'
import { asylnorskUi } from './messages/asylnorsk-ui'
import { participationUi } from './messages/participation-ui'
import { reasons } from './messages/reasons'
import { ruleExplanations } from './messages/rules-explanations'
import { norskUi } from './messages/norsk-ui'
import { introUi } from './messages/intro-ui'
import { introParticipationUi } from './messages/intro-participation-ui'
import { introAbsenceUi } from './messages/intro-absence-ui'
import { rulesUi } from './messages/rules-ui'
import { timelineUi } from './messages/timeline-ui'
import { reportsUi } from './messages/reports-ui'
import { syncBadge } from './messages/sync-badge'
import { syncUi } from './messages/sync-ui'
import { reauthUi } from './messages/reauth-ui'
import { replicaUi } from './messages/replica-ui'
import { lockUi } from './messages/lock-ui'
import { loginTotp } from './messages/login-totp'
import { rules2021 } from './messages/rules-2021'
import { certificates } from './messages/certificates'
import { certificatesUi } from './messages/certificates-ui'
import { int2021Ui } from './messages/int2021-ui'

/**
 * nb and nn texts for every part. Each area keeps its own file under `messages/`
 * exporting `{ nb, nn }` with identical keys (a test checks that both are complete).
 */
const nb = {
  ...app.nb,
  reasons: reasons.nb,
  asylnorskUi: asylnorskUi.nb,
  explanations: ruleExplanations.nb,
  rulesUi: rulesUi.nb,
  timelineUi: timelineUi.nb,
  norskUi: norskUi.nb,
  introUi: introUi.nb,
  introParticipationUi: introParticipationUi.nb,
  introAbsenceUi: introAbsenceUi.nb,
  syncBadge: syncBadge.nb,
  syncUi: syncUi.nb,
  participationUi: participationUi.nb,
  reportsUi: reportsUi.nb,
  reauthUi: reauthUi.nb,
  replicaUi: replicaUi.nb,
  lockUi: lockUi.nb,
  loginTotp: loginTotp.nb,
  rules2021: rules2021.nb,
  certificates: certificates.nb,
  certificatesUi: certificatesUi.nb,
  int2021Ui: int2021Ui.nb,
}

/** The message schema: bokmål's shape. vue-i18n is created with it, and nynorsk must match it. */
export type Messages = typeof nb

/** Dotted paths of every text (`reasons.NOT_PERMITTED`, …). */
type LeafPaths<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : LeafPaths<T[K], `${P}${K}.`>
}[keyof T & string]

const nn = {
  ...app.nn,
  reasons: reasons.nn,
  asylnorskUi: asylnorskUi.nn,
  explanations: ruleExplanations.nn,
  rulesUi: rulesUi.nn,
  timelineUi: timelineUi.nn,
  norskUi: norskUi.nn,
  introUi: introUi.nn,
  introParticipationUi: introParticipationUi.nn,
  introAbsenceUi: introAbsenceUi.nn,
  syncBadge: syncBadge.nn,
  syncUi: syncUi.nn,
  participationUi: participationUi.nn,
  reportsUi: reportsUi.nn,
  reauthUi: reauthUi.nn,
  replicaUi: replicaUi.nn,
  lockUi: lockUi.nn,
  loginTotp: loginTotp.nn,
  rules2021: rules2021.nn,
  certificates: certificates.nn,
  certificatesUi: certificatesUi.nn,
  int2021Ui: int2021Ui.nn,
} satisfies Messages

// Spreads hide extra keys from `satisfies`: both directions are compared here, so a key in one
// language only is a compile error (and `messages.test.ts` names it).
type OnlyInOne = Exclude<LeafPaths<Messages>, LeafPaths<typeof nn>> | Exclude<LeafPaths<typeof nn>, LeafPaths<Messages>>
const sameKeys: [OnlyInOne] extends [never] ? true : { onlyInOneLanguage: OnlyInOne } = true
void sameKeys

export const messages: { nb: Messages; nn: Messages } = { nb, nn }
