import { app } from '../../wailsjs/go/models'
import { db } from './db'

const keys = ['company.name', 'company.address', 'company.country', 'company.vat_id', 'smtp.host', 'smtp.password']

export async function List(): Promise<app.Setting[]> {
  return keys.map((k) => {
    const secret = k.endsWith('password')
    return app.Setting.createFrom({ key: k, label: k, value: secret ? '' : db.settings.get(k) ?? '', secret, set: db.settings.has(k) })
  })
}
export async function Set(key: string, value: string): Promise<app.Setting> {
  db.calls.push('Settings.Set')
  if (value === '') db.settings.delete(key)
  else db.settings.set(key, value)
  const secret = key.endsWith('password')
  return app.Setting.createFrom({ key, label: key, value: secret ? '' : value, secret, set: value !== '' })
}
