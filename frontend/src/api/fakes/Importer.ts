import { app, domain } from '../../wailsjs/go/models'
import { db } from './db'

export const fake = { preview: null as app.ImportPreview | null, result: null as domain.OrderImportResult | null }

export async function PickFile(): Promise<string> {
  return '/data/orders_export_1.csv'
}
export async function Preview(r: app.ImportRequest): Promise<app.ImportPreview> {
  db.calls.push(`Importer.Preview ${r.format}${r.mapping ? ' ' + r.mapping.name : ''}${r.path.startsWith('/data/') ? '' : ' ' + r.path}`)
  return fake.preview!
}
export async function Start(r: app.ImportRequest): Promise<domain.OrderImportResult> {
  db.calls.push(`Importer.Start ${r.path} skip=${r.skip_invalid}`)
  return fake.result!
}
export async function Cancel(): Promise<void> {
  db.calls.push('Importer.Cancel')
}
export async function MappingFields(): Promise<string[]> {
  return ['order_id', 'time', 'customer_email', 'amount', 'currency']
}
const saved: app.Mapping[] = []
export async function Mappings(): Promise<app.Mapping[]> {
  return saved
}
export async function SaveMapping(m: app.Mapping): Promise<void> {
  db.calls.push(`Importer.SaveMapping ${m.name}`)
  if (!m.columns.order_id) throw { code: 'invalid', message: 'the mapping is not valid', problems: [{ column: 'columns.order_id', message: 'must name a column' }] }
  saved.push(m)
}
