// Builds the renderer as a web page (the web host: the runner in a Web
// Worker, files through a file input and downloads) into dist-web/.
// `npm run web` serves it with `vite preview` on http://localhost:4173.
// The desktop build (electron.vite.config.ts) builds the same renderer.
// import.meta.dirname is filled in by Vite's config loader.
import vue from '@vitejs/plugin-vue';
import { defineConfig, type Rollup } from 'vite';
import { VUE_I18N_FLAGS } from './i18n/feature-flags';

const root = import.meta.dirname;

/** zod's sources carry /* @__PURE__ *\/ comments where Rollup cannot use them; harmless, and not ours to fix. */
function onwarn(warning: Rollup.RollupLog, warn: (warning: Rollup.RollupLog) => void): void {
  if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('/node_modules/zod/')) return;
  warn(warning);
}

export default defineConfig({
  root,
  base: './',
  plugins: [vue()],
  define: VUE_I18N_FLAGS,
  worker: { format: 'es' }, // the worker build passes its warnings to build.rollupOptions.onwarn too
  build: {
    rollupOptions: { onwarn },
    outDir: `${root}/../dist-web`,
    emptyOutDir: true,
    target: 'es2022',
  },
  preview: { port: 4173, strictPort: true, host: 'localhost' },
  server: { port: 5173, strictPort: true, host: 'localhost' },
});
