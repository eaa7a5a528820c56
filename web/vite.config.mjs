// The web app's build (npm run build): web/ -> dist/web/, served by `orbit serve`. `npx vite --config
// web/vite.config.mjs` serves it with hot reload against an `orbit serve` on port 4173 for development.
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  publicDir: 'public',
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    // MapLibre alone is ~800 KB minified: one chunk per library is what the page needs anyway
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      output: {
        manualChunks(id) {
          if (id.includes('maplibre-gl')) return 'maplibre';
          if (id.includes('sigma') || id.includes('graphology')) return 'graph';
        },
      },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:4173' } },
});
