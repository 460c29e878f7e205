/** The one-time code field of the login screen (A7, issue 11 point 1), bokmål and nynorsk. */
const nb = {
  label: 'Engangskode',
  hint: '6 sifre fra appen, eller en gjenopprettingskode',
  missing: 'Skriv inn engangskoden.',
}

const nn: typeof nb = {
  label: 'Eingongskode',
  hint: '6 siffer frå appen, eller ein gjenopprettingskode',
  missing: 'Skriv inn eingongskoden.',
}

export const loginTotp = { nb, nn }
