// Builds the chart benchmark page (page/index.html: the real layout and the
// real canvas painter) into test-results/bench-chart, for bench/chart/run.ts
// to serve with `vite preview` and drive in Chromium.
// import.meta.dirname is filled in by Vite's config loader.
import { defineConfig } from 'vite';

const root = `${import.meta.dirname}/page`;

export default defineConfig({
  root,
  base: './',
  logLevel: 'warn',
  build: {
    outDir: `${import.meta.dirname}/../../test-results/bench-chart`,
    emptyOutDir: true,
    target: 'es2022',
    // Readable stacks when profiling a missed target.
    minify: false,
  },
  preview: { host: 'localhost' },
});
