/**
 * Labels of the deadline timeline under the calculation log (R5.1, R5.2), bokmål and
 * nynorsk. The chart is hidden from screen readers; the log's steps say the same in words.
 */

const nb = {
  heading: 'Tidslinje',
  rows: {
    programme: 'Program (2 år)',
    thirdYear: 'Tredje år',
    leave: 'Permisjon',
    absence: 'Gyldig fravær',
    parentalAbsence: 'Fravær etter fødselspermisjon',
    absenceExcess: 'Fravær over 10 dager',
    dates: 'Datoer',
  },
  marks: {
    settlement: 'Bosetting',
    claim: 'Krav',
    programmeStart: 'Start',
    plannedStart: 'Planlagt start',
    twoYears: '2 år',
    deadline: 'Frist',
    today: 'I dag',
  },
}

const nn: typeof nb = {
  heading: 'Tidslinje',
  rows: {
    programme: 'Program (2 år)',
    thirdYear: 'Tredje år',
    leave: 'Permisjon',
    absence: 'Gyldig fråvær',
    parentalAbsence: 'Fråvær etter fødselspermisjon',
    absenceExcess: 'Fråvær over 10 dagar',
    dates: 'Datoar',
  },
  marks: {
    settlement: 'Busetting',
    claim: 'Krav',
    programmeStart: 'Start',
    plannedStart: 'Planlagd start',
    twoYears: '2 år',
    deadline: 'Frist',
    today: 'I dag',
  },
}

export const timelineUi = { nb, nn }
