/**
 * The *Deltakarbevis* card on Kartlegging and its preview dialog (issue 10 points 1 and 3), bokmål and
 * nynorsk. The certificate's own words are in `certificates.ts`; these are the screen's.
 */

const nb = {
  heading: 'Deltakerbevis',
  intro: 'Skriv ut deltakerbevis for en ordning personen har deltatt i. Forhåndsvisningen viser nøyaktig det som skrives ut.',
  schemes: {
    norsk: 'Opplæring i norsk og samfunnskunnskap',
    intro: 'Introduksjonsprogrammet',
  },
  language: 'Språk på beviset',
  languages: { nb: 'Bokmål', nn: 'Nynorsk' },
  preview: 'Forhåndsvis',
  download: 'Last ned PDF',
  previewTitle: 'Forhåndsvisning – {scheme} ({language})',
  close: 'Lukk',
  none: 'Personen har ikke deltatt i norskopplæring eller introduksjonsprogram, så det kan ikke lages deltakerbevis.',
  notAvailable: 'Kan ikke lages',
  pendingTitle: 'Registreringer som ikke er i registeret ennå',
  pendingText: 'Beviset kan mangle det som står her. Synkroniser først, eller kryss av for å utstede likevel.',
  pendingStates: { pending: 'venter på synkronisering', sent: 'sendt, venter på svar', rejected: 'avvist av registeret', conflict: 'konflikt med registeret' },
  savedAt: 'lagret {date}',
  issueAnyway: 'Utsted likevel',
  downloaded: 'Deltakerbeviset er lastet ned ({file}).',
  loadFailed: 'Kunne ikke hente deltakerbevisene.',
  print: 'Skriv ut',
  printed: 'Deltakerbeviset er åpnet i PDF-leseren. Skriv det ut derfra (Ctrl+P).',
  issuedTitle: 'Tidligere utstedt',
  issuedNone: 'Ikke utstedt før.',
  issuedRow: '{date} av {by} – {language}, versjon {version}',
  issuedPending: 'utstedt med {n} registrering som ventet på synkronisering | utstedt med {n} registreringer som ventet på synkronisering',
  issuedNote: 'Å laste ned eller skrive ut registreres som utstedelse og synkroniseres. Forhåndsvisning registreres ikke.',
}

const nn: typeof nb = {
  heading: 'Deltakarbevis',
  intro: 'Skriv ut deltakarbevis for ei ordning personen har delteke i. Førehandsvisinga viser nøyaktig det som blir skrive ut.',
  schemes: {
    norsk: 'Opplæring i norsk og samfunnskunnskap',
    intro: 'Introduksjonsprogrammet',
  },
  language: 'Språk på beviset',
  languages: { nb: 'Bokmål', nn: 'Nynorsk' },
  preview: 'Førehandsvis',
  download: 'Last ned PDF',
  previewTitle: 'Førehandsvising – {scheme} ({language})',
  close: 'Lukk',
  none: 'Personen har ikkje delteke i norskopplæring eller introduksjonsprogram, så det kan ikkje lagast deltakarbevis.',
  notAvailable: 'Kan ikkje lagast',
  pendingTitle: 'Registreringar som ikkje er i registeret enno',
  pendingText: 'Beviset kan mangle det som står her. Synkroniser først, eller kryss av for å utferde likevel.',
  pendingStates: { pending: 'ventar på synkronisering', sent: 'sendt, ventar på svar', rejected: 'avvist av registeret', conflict: 'konflikt med registeret' },
  savedAt: 'lagra {date}',
  issueAnyway: 'Utferd likevel',
  downloaded: 'Deltakarbeviset er lasta ned ({file}).',
  loadFailed: 'Kunne ikkje hente deltakarbevisa.',
  print: 'Skriv ut',
  printed: 'Deltakarbeviset er opna i PDF-lesaren. Skriv det ut derifrå (Ctrl+P).',
  issuedTitle: 'Tidlegare utferda',
  issuedNone: 'Ikkje utferda før.',
  issuedRow: '{date} av {by} – {language}, versjon {version}',
  issuedPending: 'utferda med {n} registrering som venta på synkronisering | utferda med {n} registreringar som venta på synkronisering',
  issuedNote: 'Å laste ned eller skrive ut blir registrert som utferding og synkronisert. Førehandsvising blir ikkje registrert.',
}

export const certificatesUi = { nb, nn }
