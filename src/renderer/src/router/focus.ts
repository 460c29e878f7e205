import { nextTick } from 'vue'
import { START_LOCATION, type RouteLocationNormalized } from 'vue-router'

/** The id of the shell's main region: the skip link's target and focus's fallback. */
export const MAIN_ID = 'main-content'

/**
 * Moves focus into the main region, to its first heading when there is one. Without this a
 * screen reader stays on the link that was followed — or on `<body>` once that link is gone
 * (opening a person from a result row) — and hears nothing of the new screen.
 */
export function focusMain(): void {
  const main = document.getElementById(MAIN_ID)
  if (!main) return
  const heading = main.querySelector<HTMLElement>('[data-route-focus]') ?? main.querySelector<HTMLElement>('h1')
  const target = heading ?? main
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1')
  target.focus({ preventScroll: false })
}

/**
 * After a navigation that changed the screen. Not after the first one (the page's own
 * autofocus, e.g. the search field, wins) and not when only the query changed (a new search
 * keeps the caseworker in the search field with the result announced by its live region).
 */
export function focusAfterNavigation(dest: RouteLocationNormalized, from: RouteLocationNormalized): void {
  if (from === START_LOCATION || dest.path === from.path) return
  void nextTick(focusMain)
}
