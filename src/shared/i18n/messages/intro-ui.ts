/**
 * Texts of the screen *Intro* (D8.1: contact, claim, decisions, the status box with its
 * deadlines, the ending), bokmål and nynorsk with identical keys. The dialogs shared with
 * *Norsk* keep their `norskUi` words; these are the intro screen's own.
 */

const nb = {
  heading: 'Introduksjonsprogram',
  intro: 'Registrer kontakt med personen, krav eller søknad, vedtak og avslutning av introduksjonsprogrammet.',
  statusBox: {
    label: 'Status og frister for introduksjonsprogrammet',
    status: 'Status',
    startDeadline: 'Frist for oppstart',
    completionDeadline: 'Frist for å fullføre',
    noDeadline: 'Ikke beregnet',
  },
  readOnly: {
    cached: 'Personen følges ikke opp av din kommune. Du kan lese, men ikke registrere.',
    kept: 'Personen har flyttet ut av kommunen og vises bare til registreringene som ikke er sendt, er avklart. Du kan ikke registrere nytt.',
    role: 'Du har ikke tilgang til å registrere på introduksjonsprogrammet. Det krever rollen kommuneintro.',
    scope: 'Personen følges opp av en annen kommune eller bydel enn din. Du kan ikke registrere.',
  },
  decisionsHeading: 'Aktive vedtak og avslutning av ordning',
  ended: 'Introduksjonsprogrammet ble avsluttet {date} ({reason}). Ingenting kan registreres etter sluttdatoen.',
  endings: {
    heading: 'Avslutning',
    register: 'Registrer avslutning',
    none: 'Programmet er ikke avsluttet.',
    endDate: 'Sluttdato',
    reason: 'Avslutningsårsak',
    hoursPerWeek: 'Timer arbeid per uke',
  },
  endingDialog: {
    title: 'Registrer avslutning av introduksjonsprogram',
    withStop: 'Permanent stans lagres sammen med avslutningen. Fyll ut avslutningen og lagre begge.',
    endDate: 'Sluttdato',
    reason: 'Avslutningsårsak',
    hoursPerWeek: 'Timer arbeid per uke',
    hoursHint: 'Gjelder bare når årsaken er arbeid.',
    decisionRefused: 'Vedtaket om permanent stans ble ikke lagret:',
  },
  letterStart: 'Programmet starter {date}.',
}

const nn: typeof nb = {
  heading: 'Introduksjonsprogram',
  intro: 'Registrer kontakt med personen, krav eller søknad, vedtak og avslutning av introduksjonsprogrammet.',
  statusBox: {
    label: 'Status og fristar for introduksjonsprogrammet',
    status: 'Status',
    startDeadline: 'Frist for oppstart',
    completionDeadline: 'Frist for å fullføre',
    noDeadline: 'Ikkje berekna',
  },
  readOnly: {
    cached: 'Personen vert ikkje følgd opp av kommunen din. Du kan lese, men ikkje registrere.',
    kept: 'Personen har flytta ut av kommunen og visast berre til registreringane som ikkje er sende, er avklarte. Du kan ikkje registrere nytt.',
    role: 'Du har ikkje tilgang til å registrere på introduksjonsprogrammet. Det krev rolla kommuneintro.',
    scope: 'Personen vert følgd opp av ein annan kommune eller bydel enn din. Du kan ikkje registrere.',
  },
  decisionsHeading: 'Aktive vedtak og avslutning av ordning',
  ended: 'Introduksjonsprogrammet vart avslutta {date} ({reason}). Ingenting kan registrerast etter sluttdatoen.',
  endings: {
    heading: 'Avslutning',
    register: 'Registrer avslutning',
    none: 'Programmet er ikkje avslutta.',
    endDate: 'Sluttdato',
    reason: 'Avslutningsårsak',
    hoursPerWeek: 'Timar arbeid per veke',
  },
  endingDialog: {
    title: 'Registrer avslutning av introduksjonsprogram',
    withStop: 'Permanent stans vert lagra saman med avslutninga. Fyll ut avslutninga og lagre begge.',
    endDate: 'Sluttdato',
    reason: 'Avslutningsårsak',
    hoursPerWeek: 'Timar arbeid per veke',
    hoursHint: 'Gjeld berre når årsaka er arbeid.',
    decisionRefused: 'Vedtaket om permanent stans vart ikkje lagra:',
  },
  letterStart: 'Programmet startar {date}.',
}

export const introUi = { nb, nn }
