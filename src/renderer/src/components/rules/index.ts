/**
 * Components that show the rules' results (D4): categories on Grunndata, status and
 * deadlines on Grunndata detaljar, and the calculation log both open.
 */
export { default as PersonCategories } from './PersonCategories.vue'
export { default as SchemeStatusTable } from './SchemeStatusTable.vue'
export { default as CalculationLogDialog } from './CalculationLogDialog.vue'
export { useRuleTexts, formatIsoDate } from './useRuleTexts'
export { useLogDialog } from './useLogDialog'
