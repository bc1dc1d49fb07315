// Builds the embeddable widget as one classic script (IIFE, no chunks, no CSS file) into
// apps/widget/dist/widget.js, which the API serves at /widget.js. The bundle budget is in README.md
// and checked by src/bundle.spec.ts.
import { defineConfig } from 'vite';

const root = new URL('.', import.meta.url).pathname;
// The shared library's sources, so only what the widget uses ends up in the bundle.
const sharedEntry = new URL('../../libs/shared/src/index.ts', import.meta.url).pathname;

export default defineConfig({
  root,
  // Nothing to copy: the widget is the script alone.
  publicDir: false,
  resolve: {
    alias: [{ find: /^@fanfare\/shared$/, replacement: sharedEntry }],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Brands' sites serve visitors with older browsers too; custom elements and Shadow DOM are the floor.
    target: 'es2020',
    minify: true,
    sourcemap: false,
    reportCompressedSize: true,
    // Escape "ä" & co.: the script then reads the same on pages and CDNs that send another charset.
    rolldownOptions: { output: { charset: 'ascii' } },
    lib: {
      entry: 'src/main.ts',
      // Required for the IIFE format; main.ts itself installs `window.Fanfare` (see there).
      name: 'FanfareWidgetBundle',
      formats: ['iife'],
      fileName: () => 'widget.js',
    },
  },
});
