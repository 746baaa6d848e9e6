import { app } from '../../wailsjs/go/models'
import { db } from './db'

export async function Info(): Promise<app.Info> {
  db.calls.push('System.Info')
  return app.Info.createFrom({ version: 'test', data_dir: '/data', programs: db.programs.length,
    offer_sample: db.programs.length === 0 && !db.settings.has('ui.sample_offered'), browser_mode: false, schema: 1 })
}
export async function DeclineSample(): Promise<void> {
  db.settings.set('ui.sample_offered', 'true')
}
export async function OpenDataFolder(): Promise<void> {
  db.calls.push('System.OpenDataFolder')
}
