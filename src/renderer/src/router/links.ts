import type { RouteLocationRaw } from 'vue-router'

/**
 * Where the screens link to, by route name, so every URL is spelt once (in `./index.ts`).
 * Kept apart from the route table so a view can link without importing the other views.
 */
export const personTabs = ['grunndata', 'detaljar', 'asylnorsk', 'intro', 'deltaking-intro', 'norsk', 'deltaking-norsk', 'kartlegging', 'tilskot'] as const
export type PersonTab = (typeof personTabs)[number]

/** The global menu item (D5) a screen belongs to, so the app bar can mark it current. */
export type MainMenuKey = 'workspace' | 'persons' | 'municipalities' | 'reports'

export const to = {
  workspace: (): RouteLocationRaw => ({ name: 'workspace' }),
  search: (q?: string): RouteLocationRaw => ({ name: 'search', query: q ? { q } : {} }),
  municipalities: (): RouteLocationRaw => ({ name: 'municipalities' }),
  reports: (): RouteLocationRaw => ({ name: 'reports' }),
  syncProblems: (): RouteLocationRaw => ({ name: 'syncProblems' }),
  person: (personId: string, tab: PersonTab = 'grunndata'): RouteLocationRaw => ({ name: `person-${tab}`, params: { personId } }),
}
