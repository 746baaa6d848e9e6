// pdf.js, bundled: its legacy build (for older system web views) and its worker, which Vite
// bundles as a module worker of its own. Nothing is fetched: a statement is handed over as
// bytes and drawn in the window, with no PDF program installed. Loaded on first use only.
import { GlobalWorkerOptions, getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs'
import PdfWorker from 'pdfjs-dist/legacy/build/pdf.worker.mjs?worker'

let worker: Worker | null = null

/** openPdf opens a PDF's bytes; the document is destroyed by its caller when done. */
export async function openPdf(data: Uint8Array): Promise<PDFDocumentProxy> {
  if (!worker) {
    worker = new PdfWorker()
    GlobalWorkerOptions.workerPort = worker
  }
  // The statement's bytes stay ours: pdf.js transfers the buffer it is given to its worker.
  return getDocument({ data: data.slice(), useSystemFonts: false }).promise
}

export type { PDFDocumentProxy }
