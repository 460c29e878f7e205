/** Calendar (rules.md R1, R11.1): pure, integer day-number arithmetic on `YYYY-MM-DD` strings. */
export {
  type IsoDate,
  isLeapYear,
  daysInMonth,
  isValidIsoDate,
  toDayNumber,
  fromDayNumber,
  addDays,
  daysBetween,
  calendarDaysInclusive,
  compareDates,
  minDate,
  maxDate,
  dayOfWeek,
  dayOfWeekOfDayNumber,
  addMonths,
  addYears,
} from './days'
export { type IsoWeek, isoWeek, isoWeekOfDayNumber, isoWeekRange, weeksInIsoYear } from './weeks'
export { type HolidayKey, type PublicHoliday, easterSunday, publicHolidays, isPublicHoliday, isPublicHolidayDayNumber } from './holidays'
export { isWorkingDay, isWorkingDayNumber, workingDaysBetween, workingDaysBetweenDayNumbers, addWorkingDays, addWorkingDaysToDayNumber } from './working-days'
export { formatNorwegianDate, parseNorwegianDate, hasNorwegianDateShape } from './format'
