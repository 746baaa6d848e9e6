import { app } from '../../wailsjs/go/models'
import { db, defaults, invalid } from './db'

export async function List(): Promise<app.Program[]> {
  db.calls.push('Programs.List')
  return [...db.programs]
}
export async function Get(id: number): Promise<app.Program> {
  const p = db.programs.find((x) => x.id === id)
  if (!p) throw { code: 'not_found', message: `there is no program "${id}"` }
  return p
}
export async function Defaults(): Promise<app.Program> {
  return defaults()
}
export async function Create(p: app.Program): Promise<app.Program> {
  db.calls.push('Programs.Create')
  if (!p.name.trim()) throw invalid('the program is not valid', 'name', 'a program needs a name')
  if (db.programs.some((x) => x.name.toLowerCase() === p.name.toLowerCase()))
    throw invalid('the program is not valid', 'name', `a program named "${p.name}" exists already`)
  const out = app.Program.createFrom({ ...p, id: db.programs.length + 1, sample: false }) // only the sample is the sample
  db.programs.push(out)
  return out
}
export async function Update(p: app.Program): Promise<app.Program> {
  db.calls.push('Programs.Update')
  const i = db.programs.findIndex((x) => x.id === p.id)
  db.programs[i] = p
  return p
}
export async function CreateSample(): Promise<app.Program> {
  db.calls.push('Programs.CreateSample')
  const p = await Create(app.Program.createFrom({ ...defaults(), name: 'Sample shop' }))
  p.sample = true
  return p
}
