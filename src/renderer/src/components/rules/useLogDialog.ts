import { ref, shallowRef, watch } from 'vue'
import type { Deadline, Step } from '../../../../shared/rules'

/**
 * State of the one calculation-log dialog a list of "i" buttons shares. Opening remembers
 * the button that opened it and gives focus back to it on close, so a keyboard user stays
 * where they were in the list (the dialog is opened by v-model, not by an activator, and
 * so Vuetify has no element to return focus to).
 */
export function useLogDialog() {
  const open = ref(false)
  const title = ref('')
  const steps = shallowRef<readonly Step[]>([])
  /** Set when the log explains a deadline (the dialog then draws its timeline). */
  const deadline = shallowRef<Deadline | null>(null)
  let opener: HTMLElement | null = null

  function show(logTitle: string, logSteps: readonly Step[], event?: Event, logDeadline: Deadline | null = null): void {
    opener = event?.currentTarget instanceof HTMLElement ? event.currentTarget : null
    title.value = logTitle
    steps.value = logSteps
    deadline.value = logDeadline
    open.value = true
  }

  watch(open, (isOpen) => {
    if (!isOpen && opener) {
      const target = opener
      opener = null
      // after Vuetify's leave transition has released its focus trap
      setTimeout(() => target.focus(), 0)
    }
  })

  return { open, title, steps, deadline, show }
}
