/** The unlock screen of the idle lock (issue 11 point 4, A7), bokmål and nynorsk. */

const nb = {
  title: 'NIR Offline er låst',
  intro: 'Programmet låses etter {minutes} minutter uten aktivitet og når maskinen går i dvale eller skjermen låses. Det du hadde åpent, også utfylte skjemaer, er tatt vare på.',
  user: 'Bruker',
  password: 'Passord',
  unlock: 'Lås opp',
  logout: 'Logg ut',
  logoutHint: 'Logger du ut, går det du ikke har lagret, tapt.',
}

const nn: typeof nb = {
  title: 'NIR Offline er låst',
  intro: 'Programmet blir låst etter {minutes} minutt utan aktivitet og når maskina går i dvale eller skjermen blir låst. Det du hadde ope, også utfylte skjema, er teke vare på.',
  user: 'Brukar',
  password: 'Passord',
  unlock: 'Lås opp',
  logout: 'Logg ut',
  logoutHint: 'Loggar du ut, går det du ikkje har lagra, tapt.',
}

export const lockUi = { nb, nn }
