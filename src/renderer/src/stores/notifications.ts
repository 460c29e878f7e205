import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { Reason } from '../../../shared/api'

export interface Notice {
  id: number
  kind: 'error' | 'warning' | 'success' | 'info'
  /** Either a message key of `app.ts`, or reasons turned into text by the host. */
  messageKey?: string
  reasons?: Reason[]
}

/** The one notification funnel (style.md 6): errors not tied to a field, and confirmations. */
export const useNotificationsStore = defineStore('notifications', () => {
  const queue = ref<Notice[]>([])
  let next = 1

  function push(n: Omit<Notice, 'id'>): void {
    queue.value.push({ ...n, id: next++ })
  }
  function reasons(list: Reason[]): void {
    if (list.length > 0) push({ kind: list.every((r) => r.severity === 'warning') ? 'warning' : 'error', reasons: list })
  }
  function success(messageKey: string): void {
    push({ kind: 'success', messageKey })
  }
  function dismiss(id: number): void {
    queue.value = queue.value.filter((n) => n.id !== id)
  }
  return { queue, push, reasons, success, dismiss }
})
