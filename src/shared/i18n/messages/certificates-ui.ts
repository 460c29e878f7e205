/**
 * The *Deltakarbevis* card on Kartlegging and its preview dialog (issue 10 point 1), bokmål and
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
  pendingText: 'Beviset kan mangle det som står her. Synkroniser først, eller kryss av for å skrive ut likevel.',
  pendingStates: { pending: 'ventar på synkronisering', sent: 'sendt, ventar på svar', rejected: 'avvist av registeret', conflict: 'konflikt med registeret' },
  savedAt: 'lagra {date}',
  issueAnyway: 'Skriv ut likevel',
  downloaded: 'Deltakarbeviset er lasta ned ({file}).',
  loadFailed: 'Kunne ikkje hente deltakarbevisa.',
}

export const certificatesUi = { nb, nn }
