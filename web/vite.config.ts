// Builds the UI as a client-rendered SolidStart app (no server at run time): dist/client holds the
// assets, and scripts/build.ts renders the HTML shell into dist/client/index.html.
import { solidStart } from '@solidjs/start/config'
import { defineConfig } from 'vite'

export default defineConfig({
  plugins: [solidStart({ ssr: false, devOverlay: false })],
  build: {
    // The bundler's per-plugin timing report is noise in `npm start`'s log.
    rolldownOptions: { checks: { pluginTimings: false } },
  },
  server: {
    // `npm run web:dev`: the UI with hot reload, the API of a running `npm start`.
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
})
