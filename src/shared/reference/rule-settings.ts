import type { CodeListEntry } from '../domain/code-list'
import { listOf } from './entry'

/**
 * The initial `ruleSetting` entries (issue 9 point 5): today's values of R12's settings, so
 * the register's list holds them from its first start and the log names the register as
 * their origin. Same values as the rules' built-in defaults (J1: the 2025 revision not in
 * force; J11: chapter 6A up to 2026-06-30); the administrator changes them with
 * `set-rule-setting` or `PUT /admin/rule-settings/:key`.
 */
export const ruleSettings: CodeListEntry[] = listOf('ruleSetting', [
  { code: 'INT.rev2025.inForceFrom', nb: '2025-endringen i integreringsloven gjelder fra', nn: '2025-endringa i integreringslova gjeld frå', data: { value: null } },
  { code: 'INT_6A.lastGrantDate', nb: 'Siste innvilgelsesdato for kapittel 6A', nn: 'Siste dato for innvilging etter kapittel 6A', data: { value: '2026-06-30' } },
])
