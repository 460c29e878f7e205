/** Identifiers and search classification (rules.md R2, R11.2–R11.4). */
export {
  type NationalIdCode,
  type NationalIdValidation,
  type NationalIdOptions,
  nationalIdCodes,
  validateNationalId,
  birthDateFromNationalId,
  makeNationalId,
  centuryOf,
} from './national-id'
export { type DufCode, type DufValidation, type RegNumberValidation, validateDuf, dufCheckDigits, makeDuf, validateRegNumber } from './duf'
export { type NamedPerson, foldName, foldWords, nameParts } from './names'
export { type NameQuery, type SearchClassification, classifySearch, nameMatches } from './search'
