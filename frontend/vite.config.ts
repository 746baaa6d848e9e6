import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import { fileURLToPath, URL } from 'node:url'

// '@bindings' is the generated Wails bindings; unit tests swap them for in-memory fakes
// (vitest sets mode 'test'), so that src/api/ alone knows where calls go.
export default defineConfig(({ mode }) => ({
  plugins: [vue()],
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./src', import.meta.url)),
      '@bindings': fileURLToPath(new URL(mode === 'test' ? './src/api/fakes' : './src/wailsjs/go/app', import.meta.url)),
    },
  },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  // pdf.js's worker is an ES module: bundled as a module worker of its own (components/PdfViewer.vue).
  worker: { format: 'es' },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.ts'],
    // Mounting a whole screen in happy-dom takes seconds on a busy 2-core machine; a test
    // that waits on a real bug still fails, later.
    testTimeout: 30000,
  },
}))
