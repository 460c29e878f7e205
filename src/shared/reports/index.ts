/** The municipality's reports (D11): pure aggregates, and the CSV they export to. */
export * from './municipality'
export { toCsv, parseCsv, CSV_BOM, type CsvCell } from './csv'
