/// <reference types="vitest/config" />
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, URL } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * pdf.js fetches its CJK character maps, standard fonts and image-decoder wasm at run time; without
 * them Chinese PDFs render as boxes. Served from node_modules in dev, copied into the build under /pdfjs/.
 */
function pdfjsAssets(): Plugin {
  const root = fileURLToPath(new URL('./node_modules/pdfjs-dist/', import.meta.url));
  const dirs = ['cmaps', 'standard_fonts', 'wasm'];
  return {
    name: 'pdfjs-assets',
    configureServer(server) {
      server.middlewares.use('/pdfjs', (req, res, next) => {
        const [dir, file] = (req.url ?? '').replace(/^\//, '').split('?')[0].split('/');
        if (!dirs.includes(dir) || !file || file.includes('..')) return next();
        try {
          res.end(readFileSync(join(root, dir, file)));
        } catch {
          next();
        }
      });
    },
    generateBundle() {
      for (const dir of dirs)
        for (const file of readdirSync(join(root, dir))) this.emitFile({ type: 'asset', fileName: `pdfjs/${dir}/${file}`, source: readFileSync(join(root, dir, file)) });
    },
  };
}

export default defineConfig({
  plugins: [react(), pdfjsAssets()],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  server: { port: 5173, host: '127.0.0.1' },
  preview: { port: 4173, host: '127.0.0.1', strictPort: true },
  build: { chunkSizeWarningLimit: 2000 },
  test: {
    environment: 'node',
    // Generating the full demo dataset takes about a second alone, several on a busy 2-core CI machine.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['src/**/*.test.ts', 'src/**/*.test.tsx'], exclude: ['src/**/*.server.test.ts'], setupFiles: ['src/mocks/vitest.setup.ts'] },
      },
      {
        // The server through app.fetch, on one database for the whole run (PGlite in memory, or DATABASE_URL):
        // files share it in one worker, one after another, and each test makes the records it relies on.
        extends: true,
        test: { name: 'server', include: ['src/server/**/*.server.test.ts'], isolate: false, fileParallelism: false, testTimeout: 60_000, hookTimeout: 240_000 },
      },
    ],
  },
});
