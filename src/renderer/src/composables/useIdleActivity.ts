import { onBeforeUnmount, onMounted, ref } from 'vue'
import { invoke } from '../api/client'

/** Input that shows someone is at the keyboard (issue 11.4); mouse movement counts, as it does for the OS's own lock. */
const INPUT_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const

/** The device's idle time, as main last said (`lock.activity`); A7's 15 minutes until then. */
export const idleLockMs = ref(15 * 60_000)

/** At most one ping per this share of the idle time, and never more than one a second or less than one in 30 s of input. */
function pingEvery(idleMs: number): number {
  return Math.min(30_000, Math.max(1_000, Math.floor(idleMs / 4)))
}

/**
 * Tells main that the caseworker is there (issue 11 point 4): the idle timer runs in main, fed
 * by contract calls, and typing into an open dialog calls nothing until it is saved. One
 * throttled `lock.activity` per burst of input, only while `active()` (logged in and unlocked).
 */
export function useIdleActivity(active: () => boolean): void {
  let last = 0
  function onInput(): void {
    if (!active()) return
    const now = Date.now()
    if (now - last < pingEvery(idleLockMs.value)) return
    last = now
    void learnIdleTime()
  }
  onMounted(() => INPUT_EVENTS.forEach((e) => window.addEventListener(e, onInput, { capture: true, passive: true })))
  onBeforeUnmount(() => INPUT_EVENTS.forEach((e) => window.removeEventListener(e, onInput, { capture: true })))
}

/**
 * `lock.activity`, keeping the idle time main answers with. A locked device answers it without
 * counting it as activity, so the unlock screen learns the idle time the same way.
 */
export async function learnIdleTime(): Promise<void> {
  const r = await invoke('lock.activity', {})
  if (r.ok) idleLockMs.value = r.value.idleLockMs
}
