import { onBeforeUnmount, onMounted, toValue, type MaybeRefOrGetter } from 'vue'
import { onBeforeRouteLeave, onBeforeRouteUpdate } from 'vue-router'
import { useI18n } from 'vue-i18n'

/** Asks the caseworker whether to leave; resolves true to leave. */
export type LeaveQuestion = (message: string) => boolean | Promise<boolean>

/**
 * Guards a half-filled dialog or form: while `isDirty` is true, leaving the screen (menu,
 * back button, another person in the side search) asks first, and closing or reloading the
 * window gets the browser's own question. Use it in the component that owns the form; it
 * must run in a component under the router view.
 *
 * `ask` defaults to the platform's confirm; a dialog of our own can be passed instead.
 */
export function useLeaveGuard(isDirty: MaybeRefOrGetter<boolean>, ask: LeaveQuestion = (m) => window.confirm(m)) {
  const { t } = useI18n()

  async function mayLeave(): Promise<boolean> {
    if (!toValue(isDirty)) return true
    return ask(t('app.leaveUnsaved'))
  }

  onBeforeRouteLeave(mayLeave)
  // Same component, other params (e.g. the side search opens another person on this tab).
  onBeforeRouteUpdate((dest, from) => (dest.path === from.path ? true : mayLeave()))

  function onBeforeUnload(e: BeforeUnloadEvent): void {
    if (toValue(isDirty)) e.preventDefault()
  }
  onMounted(() => window.addEventListener('beforeunload', onBeforeUnload))
  onBeforeUnmount(() => window.removeEventListener('beforeunload', onBeforeUnload))

  return { mayLeave }
}
