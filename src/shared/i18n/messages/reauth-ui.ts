/**
 * Issue 7.6: the register refused the token; the sync chip asks for the password in place
 * (`ReauthDialog.vue`), bokmål and nynorsk.
 */

const nb = {
  chip: 'Logg inn på nytt for å synkronisere',
  chipHint: 'Klikk for å skrive passordet på nytt. Arbeidet ditt er lagret og sendes når du er logget inn.',
  title: 'Logg inn på nytt',
  intro: 'Registeret godtar ikke lenger innloggingen din. Skriv passordet på nytt for å synkronisere. Det du har lagret, er tatt vare på.',
  user: 'Bruker',
  password: 'Passord',
  submit: 'Logg inn',
  cancel: 'Avbryt',
  done: 'Du er logget inn igjen. Synkroniseringen fortsetter.',
}

const nn: typeof nb = {
  chip: 'Logg inn på nytt for å synkronisere',
  chipHint: 'Klikk for å skrive passordet på nytt. Arbeidet ditt er lagra og blir sendt når du er logga inn.',
  title: 'Logg inn på nytt',
  intro: 'Registeret godtek ikkje lenger innlogginga di. Skriv passordet på nytt for å synkronisere. Det du har lagra, er teke vare på.',
  user: 'Brukar',
  password: 'Passord',
  submit: 'Logg inn',
  cancel: 'Avbryt',
  done: 'Du er logga inn igjen. Synkroniseringa held fram.',
}

export const reauthUi = { nb, nn }
