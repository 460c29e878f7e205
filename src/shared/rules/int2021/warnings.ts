/**
 * Warnings of the 2021 rules (R12.1.5, R12.1.8, R12.2.5, R12.2.8, R12.3.3). Never errors
 * unless said (J1: a longer lawful programme is never blocked). Texts: `rules2021.warnings`.
 */
export type Warning2021Code =
  'BAND_UNKNOWN' | 'DURATION_OUTSIDE_BAND' | 'HOLIDAY_ABOVE_NORM' | 'FINAL_GOAL_MISSING' | 'BACKGROUND_MISSING' | 'MOTTAK_HOURS_NEAR_CAP' | 'MOTTAK_HOURS_CAP'

export interface Finding2021 {
  code: Warning2021Code
  severity: 'warning' | 'error'
  values: Record<string, string | number | boolean | null>
}

export const warning = (code: Warning2021Code, values: Finding2021['values'] = {}): Finding2021 => ({ code, severity: 'warning', values })
export const error = (code: Warning2021Code, values: Finding2021['values'] = {}): Finding2021 => ({ code, severity: 'error', values })
