/**
 * Texts of the per-row sync mark (`SyncBadge.vue`, A4 "Sync status"), bokmål and nynorsk.
 * `*Hint` is the longer sentence a screen reader and the tooltip give.
 */

const nb = {
  pending: 'Ikke sendt',
  pendingHint: 'Lagret på denne maskinen, men ikke sendt til registeret ennå.',
  problem: 'Synkproblem',
  problemHint: 'Registeret tok ikke imot endringen. Se Synkproblemer.',
  registerChanged: 'Endret i registeret',
  registerChangedHint: 'Noen andre har endret denne i registeret etter at du endret den. Du får velge når det synkroniseres.',
}

const nn: typeof nb = {
  pending: 'Ikkje sendt',
  pendingHint: 'Lagra på denne maskina, men ikkje sendt til registeret enno.',
  problem: 'Synkproblem',
  problemHint: 'Registeret tok ikkje imot endringa. Sjå Synkproblem.',
  registerChanged: 'Endra i registeret',
  registerChangedHint: 'Nokon andre har endra denne i registeret etter at du endra ho. Du får velje når det blir synkronisert.',
}

export const syncBadge = { nb, nn }
