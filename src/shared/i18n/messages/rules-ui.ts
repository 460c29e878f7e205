/**
 * Labels of the components that show the rules' results (categories on Grunndata, status and
 * deadlines on Grunndata detaljar, the calculation log dialog), bokmål and nynorsk. The
 * texts the rules return (kinds, states, statuses, deadline names, log steps) live in
 * `rules-explanations.ts`; these are only the screen's own words. Plural forms use vue-i18n's
 * `one | many` syntax with `{n}`.
 */

const nb = {
  schemes: {
    intro: 'Introduksjonsprogram',
    norsk: 'Norsk og samfunnskunnskap',
    asylnorsk: 'Asylnorsk',
  },
  categoriesLabel: 'Kategorier',
  columns: {
    scheme: 'Ordning',
    category: 'Kategori',
    validFrom: 'Gyldig fra',
    hours: 'Timer',
    status: 'Status',
    deadline: 'Frist',
    log: 'Beregningslogg',
  },
  closedFrom: 'fra {date}',
  hours: '{total} ({norwegian} norsk + {social} samfunnskunnskap)',
  noCategory: 'Det er ikke beregnet noen kategori for personen.',
  noCategoryWhy: 'Det som ligger til grunn:',
  noDeadline: 'Ingen frist',
  showLog: 'Vis beregningslogg',
  logTitle: 'Beregningslogg – {subject}',
  logEmpty: 'Beregningen har ingen steg å vise.',
  rule: 'Regel',
  close: 'Lukk',
  days: {
    left: 'om {n} dag | om {n} dager',
    today: 'i dag',
    overdue: 'overskredet med {n} dag | overskredet med {n} dager',
    passed: 'passert for {n} dag siden | passert for {n} dager siden',
  },
}

const nn: typeof nb = {
  schemes: {
    intro: 'Introduksjonsprogram',
    norsk: 'Norsk og samfunnskunnskap',
    asylnorsk: 'Asylnorsk',
  },
  categoriesLabel: 'Kategoriar',
  columns: {
    scheme: 'Ordning',
    category: 'Kategori',
    validFrom: 'Gyldig frå',
    hours: 'Timar',
    status: 'Status',
    deadline: 'Frist',
    log: 'Berekningslogg',
  },
  closedFrom: 'frå {date}',
  hours: '{total} ({norwegian} norsk + {social} samfunnskunnskap)',
  noCategory: 'Det er ikkje berekna nokon kategori for personen.',
  noCategoryWhy: 'Det som ligg til grunn:',
  noDeadline: 'Inga frist',
  showLog: 'Vis berekningslogg',
  logTitle: 'Berekningslogg – {subject}',
  logEmpty: 'Berekninga har ingen steg å vise.',
  rule: 'Regel',
  close: 'Lukk',
  days: {
    left: 'om {n} dag | om {n} dagar',
    today: 'i dag',
    overdue: 'overskriden med {n} dag | overskriden med {n} dagar',
    passed: 'passert for {n} dag sidan | passert for {n} dagar sidan',
  },
}

export const rulesUi = { nb, nn }
