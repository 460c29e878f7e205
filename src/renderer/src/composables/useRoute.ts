import { readonly, ref } from 'vue'

/**
 * A small hash router (vue-router is not a dependency): `#/path?query`. Hash URLs work the
 * same under Electron's file:// and the browser-mode host, and links stay plain `<a href>`.
 */
export type PersonTab = 'grunndata' | 'detaljar' | 'tilskot'
export const personTabs: readonly PersonTab[] = ['grunndata', 'detaljar', 'tilskot']

export type Route =
  | { name: 'workspace' }
  | { name: 'search'; query: string }
  | { name: 'municipalities' }
  | { name: 'reports' }
  | { name: 'person'; personId: string; tab: PersonTab }
  | { name: 'notFound'; path: string }

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '')
  const [path = '', search = ''] = raw.split('?')
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent)
  const params = new URLSearchParams(search)
  if (parts.length === 0 || parts[0] === 'arbeidsflate') return { name: 'workspace' }
  if (parts[0] === 'personar' && parts.length === 1) return { name: 'search', query: params.get('q') ?? '' }
  if (parts[0] === 'kommunar' && parts.length === 1) return { name: 'municipalities' }
  if (parts[0] === 'rapportar' && parts.length === 1) return { name: 'reports' }
  if (parts[0] === 'person' && parts[1]) {
    const tab = (parts[2] ?? 'grunndata') as PersonTab
    if (personTabs.includes(tab) && parts.length <= 3) return { name: 'person', personId: parts[1], tab }
  }
  return { name: 'notFound', path }
}

export const hrefs = {
  workspace: () => '#/arbeidsflate',
  search: (q?: string) => (q ? `#/personar?q=${encodeURIComponent(q)}` : '#/personar'),
  municipalities: () => '#/kommunar',
  reports: () => '#/rapportar',
  person: (personId: string, tab: PersonTab = 'grunndata') => `#/person/${encodeURIComponent(personId)}/${tab}`,
}

const current = ref<Route>(parseHash(typeof location === 'undefined' ? '' : location.hash))
if (typeof window !== 'undefined') {
  window.addEventListener('hashchange', () => {
    current.value = parseHash(location.hash)
  })
}

export function useRoute() {
  return {
    route: readonly(current),
    navigate(href: string) {
      if (location.hash === href) current.value = parseHash(href)
      else location.hash = href
    },
  }
}
