import { ref, shallowRef, watch } from 'vue'
import type { Step } from '../../../../shared/rules'

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
  let opener: HTMLElement | null = null

  function show(logTitle: string, logSteps: readonly Step[], event?: Event): void {
    opener = event?.currentTarget instanceof HTMLElement ? event.currentTarget : null
    title.value = logTitle
    steps.value = logSteps
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

  return { open, title, steps, show }
}
