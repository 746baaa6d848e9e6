// What the statement viewer remembers and how it moves: the page shown, the zoom (a step of a
// fixed list, or "fit the width"), and the scale a page is drawn at. Plain logic, tested alone;
// components/PdfViewer.vue draws with pdf.js.

/** The zoom steps, as a factor of a page's size at 96 dpi (1 = 100 %). */
export const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3]

/** A zoom: one of ZOOMS, or 'fit' (the page as wide as the viewer). */
export type Zoom = number | 'fit'

/** The viewer's state: the page (1-based), how many there are, the zoom. */
export interface ViewState {
  page: number
  pages: number
  zoom: Zoom
}

/** start is the state of a document just opened: page 1, fitted to the width. */
export function start(pages: number): ViewState {
  return { page: 1, pages: Math.max(0, pages), zoom: 'fit' }
}

/** goTo moves to a page, kept within the document (a page typed as text is read as a number). */
export function goTo(s: ViewState, page: number | string): ViewState {
  const n = typeof page === 'string' ? Number.parseInt(page, 10) : page
  if (!Number.isFinite(n) || s.pages < 1) return s
  return { ...s, page: Math.min(s.pages, Math.max(1, Math.trunc(n))) }
}

export const next = (s: ViewState) => goTo(s, s.page + 1)
export const prev = (s: ViewState) => goTo(s, s.page - 1)

/** zoomIn takes the next larger step; from 'fit' the step above the fitted scale. */
export function zoomIn(s: ViewState, fitted: number): ViewState {
  const now = s.zoom === 'fit' ? fitted : s.zoom
  const z = ZOOMS.find((x) => x > now + 1e-9)
  return { ...s, zoom: z ?? ZOOMS[ZOOMS.length - 1] }
}

/** zoomOut takes the next smaller step; from 'fit' the step below the fitted scale. */
export function zoomOut(s: ViewState, fitted: number): ViewState {
  const now = s.zoom === 'fit' ? fitted : s.zoom
  const z = [...ZOOMS].reverse().find((x) => x < now - 1e-9)
  return { ...s, zoom: z ?? ZOOMS[0] }
}

/** fitScale is the scale at which a page pageWidth points wide (at scale 1) fills width pixels. */
export function fitScale(pageWidth: number, width: number): number {
  if (pageWidth <= 0 || width <= 0) return 1
  return Math.min(ZOOMS[ZOOMS.length - 1], Math.max(ZOOMS[0], width / pageWidth))
}

/** scaleOf is the scale a page is drawn at. */
export const scaleOf = (s: ViewState, fitted: number) => (s.zoom === 'fit' ? fitted : s.zoom)

/** zoomText says the zoom as people read it: "Fit width (88 %)", "125 %". */
export function zoomText(z: Zoom, fitted: number): string {
  return z === 'fit' ? `Fit width (${Math.round(fitted * 100)}\u00a0%)` : `${Math.round(z * 100)}\u00a0%`
}

/** fromBase64 turns the base64 text the backend sends into bytes. */
export function fromBase64(b64: string): Uint8Array {
  const bin = atob(b64)
  const out = new Uint8Array(bin.length)
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i)
  return out
}
