// Builds the desktop app: main process, preload (CommonJS, so it loads in a
// sandboxed renderer), the runner worker (imported by main with ?modulePath)
// and the renderer. The web host builds the same renderer with
// src-renderer/vite.web.config.ts.
import { resolve } from 'node:path';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'electron-vite';
import { VUE_I18N_FLAGS } from './src-renderer/i18n/feature-flags';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: { input: { index: resolve(__dirname, 'src-main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { preload: resolve(__dirname, 'src-main/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src-renderer'),
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      rollupOptions: { input: resolve(__dirname, 'src-renderer/index.html') },
    },
    plugins: [vue()],
    define: VUE_I18N_FLAGS,
    worker: { format: 'es' },
  },
});
