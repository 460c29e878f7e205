import { z } from 'zod'
import { districtCode, isoDate } from '../domain/common'
import type { MunicipalityReports } from '../reports'

/** Who a report's person ids are: enough to list and link them (click-through, D11). */
export interface ReportPersonName {
  duf: string
  firstName: string
  lastName: string
}

/** The municipality's reports as the device computes them from its replica (D11). */
export interface MunicipalityReportsView extends MunicipalityReports {
  municipality: string
  municipalityName: string
  /** The district the reports are narrowed to, or null for the whole municipality. */
  district: string | null
  /** Every person a row names, by id. */
  people: Record<string, ReportPersonName>
}

/**
 * Input of `reports.municipality`: an optional district (a user bound to one district gets
 * theirs whatever is asked) and an optional period (default: the year so far). The period
 * applies to the average, absence and endings; statuses and deadlines are as of today.
 */
export const municipalityReportsInput = z
  .object({
    district: districtCode.nullish(),
    fromDate: isoDate.optional(),
    toDate: isoDate.optional(),
  })
  .strict()
  .refine((v) => !v.fromDate || !v.toDate || v.fromDate <= v.toDate, { path: ['toDate'], message: 'toDate before fromDate' })

/** Reports (Rapportar, D11), computed on the device from the replica, offline. */
export const reportsSlice = {
  'reports.municipality': { input: municipalityReportsInput, output: {} as MunicipalityReportsView },
} as const
