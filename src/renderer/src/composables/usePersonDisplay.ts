import { useI18n } from 'vue-i18n'
import type { Address, Grant, Permit, Settlement, TestResult } from '../../../shared/domain'
import { useReferenceStore } from '../stores/reference'
import { formatDate, isInForce, todayIso } from './format'

/** Turns base-data values into the words the person screens show, in the chosen language. */
export function usePersonDisplay() {
  const { t } = useI18n()
  const nok = new Intl.NumberFormat('nb-NO')
  const reference = useReferenceStore()

  return {
    yesNo: (v: boolean) => (v ? t('values.yes') : t('values.no')),
    ground: (p: Permit) => reference.codeName('permitGround', p.groundCode),
    country: (code: string) => reference.codeName('country', code),
    source: (a: Address) => t(`values.sources.${a.source}`),
    street: (a: Address) => a.street,
    postal: (a: Address) => `${a.postalCode} ${a.postalPlace}`,
    place: (municipality: string, district: string | null) => {
      const d = reference.districtName(district)
      return d ? `${reference.municipalityName(municipality)}, ${d}` : reference.municipalityName(municipality)
    },
    period: (r: { validFrom: string; validTo: string | null }) => `${formatDate(r.validFrom)} – ${r.validTo ? formatDate(r.validTo) : ''}`,
    state: (r: { validFrom: string; validTo: string | null }) => {
      const today = todayIso()
      if (isInForce(r, today)) return t('values.inForce')
      return r.validFrom > today ? t('values.future') : t('values.ended')
    },
    testPart: (r: TestResult) => t(`values.testParts.${r.part}`),
    testLevel: (r: TestResult) => t(`values.testLevels.${r.level}`),
    grantKind: (g: Grant) => t(`values.grantKinds.${g.kind}`),
    amount: (value: number) => t('values.nok', { amount: nok.format(value) }),
    settlementPlace: (s: Settlement) => reference.municipalityName(s.municipality),
  }
}
