import type { CodeListEntry } from '../domain/code-list'
import { listOf, type Row } from './entry'

/** Measure groups and measures (R10). A measure's `data.group` is its group's code. */
export const measureGroups: CodeListEntry[] = listOf('measureGroup', [
  { code: 'NORSK', nb: 'Norsk', nn: 'Norsk' },
  { code: 'UTDANNING', nb: 'Utdanning', nn: 'Utdanning' },
  { code: 'ARBEID', nb: 'Arbeid', nn: 'Arbeid' },
  { code: 'ANDRE', nb: 'Andre tiltak', nn: 'Andre tiltak' },
])

function measure(group: string, code: string, nb: string, nn: string, extra: Record<string, unknown> = {}): Row {
  return { code, nb, nn, data: { group, ...extra } }
}

export const measures: CodeListEntry[] = listOf('measure', [
  // norskReminder: choosing it shows the reminder of domain.md D8.3
  measure('NORSK', 'GRUNNLEGGANDE_NORSK', 'Grunnleggende norsk og samfunnskunnskap', 'Grunnleggande norsk og samfunnskunnskap', {
    norskReminder: true,
  }),
  measure('NORSK', 'SPRAKPRAKSIS', 'Språkpraksis', 'Språkpraksis'),
  measure('UTDANNING', 'GRUNNSKULE', 'Grunnskole', 'Grunnskule'),
  measure('UTDANNING', 'VIDAREGAANDE', 'Videregående opplæring', 'Vidaregåande opplæring'),
  measure('UTDANNING', 'GODKJENNING_UTDANNING', 'Godkjenning av utdanning', 'Godkjenning av utdanning'),
  measure('UTDANNING', 'KURS_KOMMUNE_STAT', 'Kurs i regi av kommune/stat', 'Kurs i regi av kommune/stat'),
  measure('ARBEID', 'ARBEIDSPRAKSIS', 'Arbeidspraksis', 'Arbeidspraksis'),
  measure('ARBEID', 'LONNA_ARBEID', 'Lønnet arbeid', 'Lønna arbeid'),
  measure('ARBEID', 'YRKESPROVING', 'Yrkesprøving', 'Yrkesprøving'),
  measure('ARBEID', 'ARBEIDSRETTA_KURS', 'Arbeidsrettede kurs', 'Arbeidsretta kurs'),
  measure('ANDRE', 'LIVSMEISTRING', 'Livsmestring', 'Livsmeistring'),
  measure('ANDRE', 'FORELDRERETTLEIING', 'Foreldreveiledning', 'Foreldrerettleiing'),
  measure('ANDRE', 'HELSETILTAK', 'Helsetiltak', 'Helsetiltak'),
  measure('ANDRE', 'ANNA', 'Annet', 'Anna'),
])

/** Absence types of the introduction programme; `data.valid` = counts as valid absence (R5.2). */
export const absenceTypes: CodeListEntry[] = listOf('absenceType', [
  { code: 'EIGENMELDING', nb: 'Egenmelding', nn: 'Eigenmelding', data: { valid: true } },
  { code: 'LEGEERKLARING', nb: 'Legeerklæring', nn: 'Legeerklæring', data: { valid: true } },
  { code: 'BARNS_SJUKDOM', nb: 'Barns sykdom', nn: 'Barns sjukdom', data: { valid: true } },
  { code: 'SVANGERSKAP', nb: 'Svangerskap', nn: 'Svangerskap', data: { valid: true } },
  { code: 'FODSEL', nb: 'Fødsel', nn: 'Fødsel', data: { valid: true } },
  { code: 'VELFERD', nb: 'Velferd', nn: 'Velferd', data: { valid: true } },
  { code: 'UGYLDIG', nb: 'Ugyldig fravær', nn: 'Ugyldig fråvær', data: { valid: false } },
])

/** Absence after ended parental leave (R5.2); `data.requiresReason` = a reason text is required. */
export const parentalLeaveAbsenceTypes: CodeListEntry[] = listOf('parentalLeaveAbsenceType', [
  { code: 'MANGLANDE_BARNEPASS', nb: 'Manglende barnepass', nn: 'Manglande barnepass', data: { requiresReason: false } },
  { code: 'ANNA_MANGLANDE_TILBOD', nb: 'Annet manglende tilbud', nn: 'Anna manglande tilbod', data: { requiresReason: true } },
])

/** Leave types per scheme (`data.scheme`); codes carry the scheme so they stay unique. */
export const leaveTypes: CodeListEntry[] = listOf('leaveType', [
  {
    code: 'INTRO_OMSORG',
    nb: 'Omsorgspermisjon ved fødsel/adopsjon',
    nn: 'Omsorgspermisjon ved fødsel/adopsjon',
    data: { scheme: 'intro' },
  },
  {
    code: 'INTRO_SJUKDOM',
    nb: 'Langvarig egen eller barns sykdom',
    nn: 'Langvarig eigen eller barns sjukdom',
    data: { scheme: 'intro' },
  },
  { code: 'INTRO_VELFERD', nb: 'Velferdspermisjon', nn: 'Velferdspermisjon', data: { scheme: 'intro' } },
  { code: 'INTRO_ARBEID', nb: 'Tilbud om arbeid', nn: 'Tilbod om arbeid', data: { scheme: 'intro' } },
  { code: 'NORSK_VELFERD', nb: 'Velferdspermisjon', nn: 'Velferdspermisjon', data: { scheme: 'norsk' } },
  { code: 'NORSK_SJUKDOM', nb: 'Egen eller barns sykdom', nn: 'Eigen eller barns sjukdom', data: { scheme: 'norsk' } },
  { code: 'NORSK_FODSEL_ADOPSJON', nb: 'Fødsel og adopsjon', nn: 'Fødsel og adopsjon', data: { scheme: 'norsk' } },
])

function endReason(code: string, nb: string, nn: string, requiresHoursPerWeek = false): Row {
  return { code, nb, nn, data: { requiresHoursPerWeek } }
}

/** End reasons of the introduction programme (R5.6); `IKKJE_REGISTRERT` is set by the system only. */
export const endReasons: CodeListEntry[] = listOf('endReason', [
  endReason('ARBEID', 'Arbeid', 'Arbeid', true),
  endReason('UTDANNING', 'Utdanning', 'Utdanning'),
  endReason('ARBEID_OG_UTDANNING', 'Arbeid og utdanning', 'Arbeid og utdanning'),
  endReason('ANNA_TILTAK_NAV', 'Annet tiltak i regi av NAV', 'Anna tiltak i regi av NAV'),
  endReason('FLYTTA', 'Flyttet', 'Flytta'),
  endReason('AVBROTE_EIGE_ONSKE', 'Avbrutt etter eget ønske', 'Avbrote etter eige ønske'),
  endReason('PERMANENT_STANS', 'Permanent stans', 'Permanent stans'),
  endReason('SJUKDOM', 'Sykdom', 'Sjukdom'),
  endReason('PROGRAMTID_UTE', 'Programtiden er ute', 'Programtida er ute'),
  endReason('UTVANDRA', 'Utvandret', 'Utvandra'),
  endReason('DOD', 'Død', 'Død'),
  endReason('ANNA', 'Annet', 'Anna'),
  { code: 'IKKJE_REGISTRERT', nb: 'Ikke registrert', nn: 'Ikkje registrert', data: { requiresHoursPerWeek: false, system: true } },
])

/** Exemption reasons; `data.permitGrantedFrom` limits one to permits granted from that date. */
export const exemptionReasons: CodeListEntry[] = listOf('exemptionReason', [
  { code: 'KUNNSKAP_NORSK', nb: 'Tilstrekkelige kunnskaper i norsk', nn: 'Tilstrekkelege kunnskapar i norsk' },
  { code: 'KUNNSKAP_SAMISK', nb: 'Tilstrekkelige kunnskaper i samisk', nn: 'Tilstrekkelege kunnskapar i samisk' },
  {
    code: 'KUNNSKAP_SAMFUNN',
    nb: 'Dokumenterte kunnskaper om samfunnet',
    nn: 'Dokumenterte kunnskapar om samfunnet',
    data: { permitGrantedFrom: '2016-01-01' },
  },
  {
    code: 'HELSE_TUNGTVEGANDE',
    nb: 'Særlige helsemessige eller andre tungtveiende grunner',
    nn: 'Særlege helsemessige eller andre tungtvegande grunnar',
  },
])

export const postponementReasons: CodeListEntry[] = listOf('postponementReason', [
  { code: 'STORE_OMSORGSPLIKTER', nb: 'Store omsorgsplikter', nn: 'Store omsorgsplikter' },
  { code: 'HALDEN_TILBAKE', nb: 'Holdt tilbake mot sin vilje', nn: 'Halden tilbake mot sin vilje' },
])

/** Tracks (R6.5, Decision: four values). */
export const tracks: CodeListEntry[] = listOf('track', [
  { code: '1', nb: 'Alfabetisering', nn: 'Alfabetisering' },
  { code: '2', nb: 'Spor 1', nn: 'Spor 1' },
  { code: '3', nb: 'Spor 2', nn: 'Spor 2' },
  { code: '4', nb: 'Spor 3', nn: 'Spor 3' },
])
