import { app } from '../../wailsjs/go/models'
import { db } from './db'

const keys = ['ui.checklist_hidden', 'ui.language', 'company.name', 'company.address', 'company.country', 'company.vat_id', 'smtp.host', 'smtp.port', 'smtp.password', 'mail.from', 'sync.addr', 'shop.new_thing']

export async function List(): Promise<app.Setting[]> {
  return keys.map((k) => {
    const secret = k.endsWith('password')
    return app.Setting.createFrom({ key: k, label: k, value: secret ? '' : db.settings.get(k) ?? '', secret, set: db.settings.has(k) })
  })
}
export async function Set(key: string, value: string): Promise<app.Setting> {
  db.calls.push('Settings.Set')
  check(key, value)
  if (value === '') db.settings.delete(key)
  else db.settings.set(key, value)
  const secret = key.endsWith('password')
  return app.Setting.createFrom({ key, label: key, value: secret ? '' : value, secret, set: value !== '' })
}

// Checks as the backend's: a port is a number from 1 to 65535.
export function check(key: string, value: string) {
  if (key.endsWith('.port') && value !== '' && !(Number(value) >= 1 && Number(value) <= 65535)) {
    throw { code: 'invalid', message: 'the setting is not valid', problems: [{ column: key, value, message: 'is not a port number (1 to 65535)' }] }
  }
}

export async function Backups(): Promise<app.Backup[]> {
  return db.backups.map((b) => app.Backup.createFrom(b))
}
export async function BackupNow(): Promise<app.Backup> {
  const b = { name: `manual-${db.backups.length + 1}.db`, kind: 'manual', at: '2025-03-14T08:00:00Z', size: 4096 }
  db.backups.unshift(b)
  return app.Backup.createFrom(b)
}
export async function Restore(name: string): Promise<app.RestoreResult> {
  db.calls.push('Settings.Restore ' + name)
  return app.RestoreResult.createFrom({ restored: name, previous: 'before-restore-1.db' })
}
export async function PickLogo(): Promise<string> {
  return ''
}
export async function UseLogo(path: string): Promise<app.Setting> {
  return Set('company.logo', path)
}
export async function LogoPreview(): Promise<string> {
  return db.settings.has('company.logo') ? 'data:image/png;base64,' : ''
}
