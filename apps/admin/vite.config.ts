// Vite builds the admin SPA into apps/admin/dist, which the API serves at `/`. In development the
// dev server proxies `/api` to the API so the session cookie stays same-origin.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const srcDir = new URL('./src', import.meta.url).pathname;
const sharedEntry = new URL('../../libs/shared/src/index.ts', import.meta.url).pathname;

export default defineConfig({
  root: new URL('.', import.meta.url).pathname,
  base: '/',
  plugins: [react()],
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${srcDir}/` },
      { find: /^@fanfare\/shared$/, replacement: sharedEntry },
    ],
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // Libraries change less often than the app: separate chunks stay cached across releases.
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom)[\\/]/,
            },
            {
              name: 'mantine',
              test: /node_modules[\\/](@mantine|@floating-ui|react-remove-scroll|react-number-format|react-textarea-autosize)/,
            },
            { name: 'vendor', test: /node_modules/ },
          ],
        },
      },
    },
  },
  test: {
    include: ['src/**/*.spec.ts', 'src/**/*.spec.tsx'],
    // Pure logic runs in Node; component specs ask for jsdom in their first lines.
    environment: 'node',
    setupFiles: ['src/test/setup.ts'],
    // Component specs type into real Mantine inputs, which takes seconds on a busy CI machine.
    testTimeout: 20_000,
    // The summary for people, and a JSON report that `npm test` (scripts/test.mjs) adds up.
    reporters: ['default', 'json'],
    outputFile: { json: new URL('../../test-results/unit/admin.json', import.meta.url).pathname },
  },
});
