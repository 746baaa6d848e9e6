import { app, domain } from '../../wailsjs/go/models'
import { db } from './db'

// The save dialog of the fake window answers with a path made of the list and its filter,
// so a test sees which filter was exported.
function saved(list: string, filter: object): Promise<string> {
  const f = JSON.stringify(filter)
  db.calls.push(`Exports.${list} ${f}`)
  return Promise.resolve(`/exports/${list}.csv`)
}
export const Orders = (q: domain.OrderQuery) => saved('Orders', q)
export const Commissions = (f: domain.CommissionFilter) => saved('Commissions', f)
export const Customers = (f: domain.CustomerFilter) => saved('Customers', f)
export const Partners = (q: app.ListQuery) => saved('Partners', q)
export const Leads = (q: app.ListQuery) => saved('Leads', q)
export const Payouts = (f: domain.PayoutFilter) => saved('Payouts', f)
