/**
 * Issue 11.5: the login screen's choice when the local replica cannot be opened (the old one
 * is sealed and kept, a new one is filled from the register), bokmål and nynorsk.
 */

const nb = {
  startFresh: 'Start med tomme lokale data',
  startFreshHint: 'De gamle dataene slettes ikke. De flyttes til en forseglet fil på denne maskinen.',
}

const nn: typeof nb = {
  startFresh: 'Start med tomme lokale data',
  startFreshHint: 'Dei gamle dataa blir ikkje sletta. Dei blir flytte til ei forsegla fil på denne maskina.',
}

export const replicaUi = { nb, nn }
