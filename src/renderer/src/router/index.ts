import type { Component } from 'vue'
import type { PersonView } from '../../../shared/api'
import { createRouter, createWebHashHistory, type RouteRecordRaw, type RouterHistory } from 'vue-router'
import LaterView from '../views/LaterView.vue'
import MunicipalitiesView from '../views/MunicipalitiesView.vue'
import PersonSearchView from '../views/PersonSearchView.vue'
import ReportsView from '../views/ReportsView.vue'
import SyncProblemsView from '../views/SyncProblemsView.vue'
import WorkspaceView from '../views/WorkspaceView.vue'
import PersonAsylnorskView from '../views/person/PersonAsylnorskView.vue'
import PersonDetailsView from '../views/person/PersonDetailsView.vue'
import PersonGrantsView from '../views/person/PersonGrantsView.vue'
import PersonIntroParticipationView from '../views/person/PersonIntroParticipationView.vue'
import PersonIntroView from '../views/person/PersonIntroView.vue'
import PersonKartleggingView from '../views/person/PersonKartleggingView.vue'
import PersonLayout from '../views/person/PersonLayout.vue'
import PersonNorskParticipationView from '../views/person/PersonNorskParticipationView.vue'
import PersonNorskView from '../views/person/PersonNorskView.vue'
import PersonOverviewView from '../views/person/PersonOverviewView.vue'
import { programmeStart } from '../components/intro/intro-participation'
import { firstTrainingStart } from '../components/participation/weekly-participation'
import { focusAfterNavigation } from './focus'
import type { MainMenuKey, PersonTab } from './links'

export { personTabs, to, type MainMenuKey, type PersonTab } from './links'

declare module 'vue-router' {
  interface RouteMeta {
    menu?: MainMenuKey
    /**
     * Person screens: the left menu's label key, where it stands around the NIR group, and
     * — for a screen that only applies to some persons — when the menu shows it.
     */
    personMenu?: { label: string; place: 'beforeNir' | 'afterNir'; visible?: (view: PersonView) => boolean }
  }
}

/** Route names of the person screens are `person-<tab>`; `to.person` relies on it. */
function personTab(path: PersonTab, component: Component, label: string, place: 'beforeNir' | 'afterNir', visible?: (view: PersonView) => boolean): RouteRecordRaw {
  return { path, name: `person-${path}`, component, meta: { menu: 'persons', personMenu: { label, place, visible } } }
}

/**
 * The person screens (D5 left menu), one entry each: a new person screen is one line here,
 * and the left menu lists it from this table (`meta.personMenu`).
 */
export const personTabRoutes: RouteRecordRaw[] = [
  personTab('grunndata', PersonOverviewView, 'person.menu.overview', 'beforeNir'),
  personTab('detaljar', PersonDetailsView, 'person.menu.details', 'beforeNir'),
  personTab('asylnorsk', PersonAsylnorskView, 'person.menu.asylnorsk', 'afterNir'),
  personTab('intro', PersonIntroView, 'person.menu.intro', 'afterNir'),
  // D8.3: Deltaking intro appears after the person's first granted programme decision.
  personTab('deltaking-intro', PersonIntroParticipationView, 'person.menu.participationIntro', 'afterNir', (v) => programmeStart(v.bundle.decisions) !== null),
  personTab('norsk', PersonNorskView, 'person.menu.norsk', 'afterNir'),
  // D6: Deltaking norsk appears after the person's first granted decision on Norwegian training.
  personTab('deltaking-norsk', PersonNorskParticipationView, 'person.menu.weeklyParticipationNorsk', 'afterNir', (v) => firstTrainingStart(v.bundle.decisions) !== null),
  personTab('kartlegging', PersonKartleggingView, 'person.menu.kartlegging', 'afterNir'),
  personTab('tilskot', PersonGrantsView, 'person.menu.grants', 'afterNir'),
]

/**
 * Today's URLs are kept (`#/arbeidsflate`, `#/personar?q=`, `#/person/:id/<tab>`), so
 * bookmarks and links made before vue-router still open the same screens.
 */
export const routes: RouteRecordRaw[] = [
  { path: '/', redirect: { name: 'workspace' } },
  { path: '/arbeidsflate', name: 'workspace', component: WorkspaceView, meta: { menu: 'workspace' } },
  {
    path: '/personar',
    name: 'search',
    component: PersonSearchView,
    props: (to) => ({ query: typeof to.query.q === 'string' ? to.query.q : '' }),
    meta: { menu: 'persons' },
  },
  { path: '/kommunar', name: 'municipalities', component: MunicipalitiesView, meta: { menu: 'municipalities' } },
  { path: '/rapportar', name: 'reports', component: ReportsView, meta: { menu: 'reports' } },
  { path: '/synkproblem', name: 'syncProblems', component: SyncProblemsView, meta: { menu: 'workspace' } },
  {
    path: '/person/:personId',
    component: PersonLayout,
    props: true,
    meta: { menu: 'persons' },
    children: [{ path: '', redirect: { name: 'person-grunndata' } }, ...personTabRoutes],
  },
  { path: '/:unknown(.*)*', name: 'notFound', component: LaterView, props: { kind: 'notFound' } },
]

/**
 * Hash history: the same URLs work under Electron's `file://` and on the browser-mode host.
 * The history is a parameter so tests can run the real router on memory history.
 */
export function createAppRouter(history: RouterHistory = createWebHashHistory()) {
  const router = createRouter({ history, routes })
  router.afterEach((dest, from, failure) => {
    if (!failure) focusAfterNavigation(dest, from)
  })
  return router
}
