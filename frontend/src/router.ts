import type { Component } from 'vue'
import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'
import Dashboard from './views/Dashboard.vue'
import Programs from './views/Programs.vue'
import Partners from './views/Partners.vue'
import Leads from './views/Leads.vue'
import Orders from './views/Orders.vue'
import Settings from './views/Settings.vue'
import Commissions from './views/Commissions.vue'
import Customers from './views/Customers.vue'
import Payouts from './views/Payouts.vue'
import PartnerPage from './views/PartnerPage.vue'
import Mail from './views/Mail.vue'
import Sync from './views/Sync.vue'

/** The areas of the app, in the order the navigation shows them (issue: what a not yet built one will hold). */
export const areas: { path: string; name: string; component: Component; issue?: string }[] = [
  { path: '/', name: 'Dashboard', component: Dashboard },
  { path: '/programs', name: 'Programs', component: Programs },
  { path: '/partners', name: 'Partners', component: Partners },
  { path: '/customers', name: 'Customers', component: Customers },
  { path: '/leads', name: 'Leads', component: Leads },
  { path: '/orders', name: 'Orders', component: Orders },
  { path: '/commissions', name: 'Commissions', component: Commissions },
  { path: '/payouts', name: 'Payouts', component: Payouts },
  { path: '/mail', name: 'Mail', component: Mail },
  { path: '/sync', name: 'Sync', component: Sync },
  { path: '/settings', name: 'Settings', component: Settings },
]

const routes: RouteRecordRaw[] = [
  ...areas.map((a) => ({
    path: a.path,
    name: a.name,
    component: a.component,
    meta: { title: a.name, issue: a.issue },
  })),
  { path: '/partners/:key', name: 'Partner', component: PartnerPage, meta: { title: 'Partner' } },
]

export const router = createRouter({ history: createWebHashHistory(), routes })
