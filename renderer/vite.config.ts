// Builds the UI into dist/renderer/. The base is relative so the same files load from the
// Electron app's custom scheme (app://paperboy/) and from the preview server (http://127.0.0.1).
// This file runs in Node at build time, never in the page: hence the one Node import below.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    // Electron 45 and any current Chromium: no legacy transforms.
    target: 'es2022',
    // A CSP with script-src 'self' forbids the inline module preload polyfill.
    modulePreload: { polyfill: false },
    sourcemap: false,
    reportCompressedSize: false,
  },
});
