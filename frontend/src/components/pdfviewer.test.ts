import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import PdfViewer from './PdfViewer.vue'
import { ZOOMS, fitScale, fromBase64, goTo, next, prev, start, zoomIn, zoomOut, zoomText } from '@/ui/pdfview'

// pdf.js itself is replaced by a document whose pages record how they were drawn: the test is
// about what the viewer asks for (which page, at which scale), not about pdf.js.
const drawn: { page: number; scale: number }[] = []
const destroyed: string[] = []
function fakeDoc(name: string, pages: number) {
  return {
    numPages: pages,
    loadingTask: { destroy: async () => { destroyed.push(name) } },
    getPage: async (n: number) => {
      if (n < 1 || n > pages) throw new Error(`no page ${n}`)
      return {
        getViewport: ({ scale }: { scale: number }) => ({ width: 595 * scale, height: 842 * scale, scale }),
        render: ({ viewport }: { viewport: { scale: number } }) => {
          drawn.push({ page: n, scale: Math.round((viewport.scale * 72) / 96 * 1000) / 1000 })
          return { promise: Promise.resolve(), cancel: () => {} }
        },
      }
    },
  }
}
vi.mock('@/ui/pdfjs', () => ({
  openPdf: async (data: Uint8Array) => {
    const text = new TextDecoder().decode(data)
    if (!text.startsWith('%PDF')) throw new Error('Invalid PDF structure')
    return fakeDoc(text, Number(/pages=(\d+)/.exec(text)?.[1] ?? 1))
  },
}))

const pdf = (pages: number, tag = '') => new TextEncoder().encode(`%PDF-1.4 pages=${pages} ${tag}`)
const click = async (w: ReturnType<typeof mount>, id: string) => { await w.get(`[data-testid="${id}"]`).trigger('click'); await flushPromises() }
const pageText = (w: ReturnType<typeof mount>) => w.get('[data-testid="pdf-page"]').text().replace(/\s+/g, ' ')

afterEach(() => {
  drawn.length = 0
  destroyed.length = 0
  document.body.innerHTML = ''
})

describe('viewer state', () => {
  it('keeps the page within the document', () => {
    const s = start(3)
    expect(s).toEqual({ page: 1, pages: 3, zoom: 'fit' })
    expect(prev(s).page).toBe(1)
    expect(next(next(next(s))).page).toBe(3)
    expect(goTo(s, '2').page).toBe(2)
    expect(goTo(s, 'two')).toBe(s)
    expect(goTo(s, 99).page).toBe(3)
    expect(goTo(start(0), 1).page).toBe(1)
  })
  it('zooms by steps, from the fitted scale too, within the steps', () => {
    const s = start(1)
    expect(zoomIn(s, 1.1).zoom).toBe(1.25)
    expect(zoomOut(s, 1.1).zoom).toBe(1)
    expect(zoomIn({ ...s, zoom: 1 }, 9).zoom).toBe(1.25)
    expect(zoomIn({ ...s, zoom: ZOOMS[ZOOMS.length - 1] }, 1).zoom).toBe(ZOOMS[ZOOMS.length - 1])
    expect(zoomOut({ ...s, zoom: ZOOMS[0] }, 1).zoom).toBe(ZOOMS[0])
    expect(fitScale(800, 600)).toBe(0.75)
    expect(fitScale(100, 10000)).toBe(ZOOMS[ZOOMS.length - 1])
    expect(fitScale(0, 600)).toBe(1)
    expect(zoomText('fit', 0.876)).toBe('Fit width (88\u00a0%)')
    expect(zoomText(1.25, 1)).toBe('125\u00a0%')
  })
  it('reads base64 into bytes', () => {
    expect([...fromBase64(btoa('%PDF\u00ff'))]).toEqual([37, 80, 68, 70, 255])
  })
})

describe('PdfViewer', () => {
  it('draws page 1 fitted, turns pages with the buttons and the keyboard, and stops at the ends', async () => {
    const w = mount(PdfViewer, { props: { data: pdf(2), label: 'Statement 2025-0001' }, attachTo: document.body })
    await flushPromises()
    expect(pageText(w)).toContain('of 2')
    expect(drawn.at(-1)?.page).toBe(1)
    expect((w.get('[data-testid="pdf-prev"]').element as HTMLButtonElement).disabled).toBe(true)
    await click(w, 'pdf-next')
    expect(drawn.at(-1)?.page).toBe(2)
    expect(w.get('canvas').attributes('aria-label')).toBe('Statement 2025-0001, page 2 of 2')
    expect((w.get('[data-testid="pdf-next"]').element as HTMLButtonElement).disabled).toBe(true)
    await w.get('[data-testid="pdf-viewer"]').trigger('keydown', { key: 'ArrowLeft' })
    await flushPromises()
    expect(drawn.at(-1)?.page).toBe(1)
    await w.get('[data-testid="pdf-viewer"]').trigger('keydown', { key: 'End' })
    await flushPromises()
    expect(drawn.at(-1)?.page).toBe(2)
    expect(drawn.every((d) => d.page >= 1 && d.page <= 2)).toBe(true)
    w.unmount()
  })
  it('zooms in and out by steps and back to the width', async () => {
    const w = mount(PdfViewer, { props: { data: pdf(1), label: 'Statement' }, attachTo: document.body })
    await flushPromises()
    const vm = w.vm as unknown as { state: { zoom: number | 'fit' } }
    expect(vm.state.zoom).toBe('fit')
    // happy-dom lays nothing out: the stage has no width, so the page fits at its own size (1).
    expect(drawn.at(-1)?.scale).toBe(1)
    await click(w, 'pdf-zoom-in')
    expect(vm.state.zoom).toBe(1.25)
    expect(drawn.at(-1)?.scale).toBe(1.25)
    await click(w, 'pdf-zoom-in')
    expect(drawn.at(-1)?.scale).toBe(1.5)
    await click(w, 'pdf-zoom-out')
    await click(w, 'pdf-zoom-out')
    await click(w, 'pdf-zoom-out')
    expect(vm.state.zoom).toBe(0.75)
    expect(drawn.at(-1)?.scale).toBe(0.75)
    await w.get('[data-testid="pdf-viewer"]').trigger('keydown', { key: '0' })
    await flushPromises()
    expect(vm.state.zoom).toBe('fit')
    expect(drawn.at(-1)?.scale).toBe(1)
    w.unmount()
  })
  it('opens another statement at its page 1, lets go of the one before, and says when one cannot be shown', async () => {
    const w = mount(PdfViewer, { props: { data: pdf(3, 'a'), label: 'Statement' }, attachTo: document.body })
    await flushPromises()
    await click(w, 'pdf-next')
    expect(pageText(w)).toContain('of 3')
    await w.setProps({ data: pdf(2, 'b') })
    await flushPromises()
    expect(pageText(w)).toContain('of 2')
    expect(drawn.at(-1)?.page).toBe(1)
    expect(destroyed).toEqual(['%PDF-1.4 pages=3 a'])
    await w.setProps({ data: new TextEncoder().encode('not a pdf') })
    await flushPromises()
    expect(w.text()).toContain('This statement could not be shown.')
    expect(w.emitted('error')).toHaveLength(1)
    w.unmount()
  })
})
