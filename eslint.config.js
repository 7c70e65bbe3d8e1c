// Lint, including the layer rule (ARCHITECTURE.md "Layers"): imports point
// only down. src-core is pure TypeScript: no Node, no Electron, no DOM, no
// wall clock, no unseeded randomness. src-renderer never imports src-main or
// Electron. Do not relax these rules; move the code to the right layer.
import pluginVue from 'eslint-plugin-vue';
import tseslint from 'typescript-eslint';
import vueParser from 'vue-eslint-parser';

const NODE_BUILTINS = [
  'assert', 'buffer', 'child_process', 'cluster', 'crypto', 'dgram', 'dns', 'events', 'fs', 'fs/promises', 'http', 'http2',
  'https', 'net', 'os', 'path', 'perf_hooks', 'process', 'readline', 'stream', 'timers', 'tls', 'url', 'util', 'v8', 'vm',
  'worker_threads', 'zlib',
];

const coreImportBan = {
  paths: [
    { name: 'electron', message: 'src-core is pure: Electron belongs in src-main.' },
    ...NODE_BUILTINS.map((name) => ({ name, message: 'src-core is pure: Node modules belong in src-main.' })),
  ],
  patterns: [
    { group: ['node:*'], message: 'src-core is pure: Node modules belong in src-main.' },
    { group: ['**/src-main', '**/src-main/**', '**/src-renderer', '**/src-renderer/**'], message: 'src-core is the bottom layer: it imports nothing above it.' },
  ],
};

const coreGlobalBan = [
  ...['document', 'window', 'localStorage', 'sessionStorage', 'navigator', 'location', 'fetch', 'XMLHttpRequest'].map((name) => ({
    name,
    message: 'src-core is pure: no DOM or network globals.',
  })),
  ...['Date', 'performance', 'setTimeout', 'setInterval', 'setImmediate', 'queueMicrotask'].map((name) => ({
    name,
    message: 'src-core reads no wall clock and schedules nothing itself: use the simulation Scheduler and SimTime.',
  })),
  ...['Buffer', 'process', 'require', '__dirname', '__filename', 'global'].map((name) => ({
    name,
    message: 'src-core is pure: no Node globals (use Uint8Array, DataView, TextEncoder).',
  })),
];

export default tseslint.config(
  {
    ignores: ['node_modules/**', 'out/**', 'dist/**', 'dist-web/**', 'test-results/**', 'playwright-report/**', '**/*.d.ts'],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // Vue single-file components (src-renderer): vue-eslint-parser for the
  // template, typescript-eslint's parser for <script setup lang="ts">.
  ...pluginVue.configs['flat/recommended'].map((config) => ({ ...config, files: ['src-renderer/**/*.vue'] })),
  {
    files: ['src-renderer/**/*.vue'],
    languageOptions: {
      parser: vueParser,
      parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'], sourceType: 'module' },
    },
    rules: {
      'vue/multi-word-component-names': ['error', { ignores: ['App'] }],
    },
  },
  {
    files: ['src-core/**/*.ts'],
    ignores: ['src-core/**/*.test.ts', 'src-core/**/*.test-helper.ts'],
    rules: {
      'no-restricted-imports': ['error', coreImportBan],
      'no-restricted-globals': ['error', ...coreGlobalBan],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use the run\'s seeded Prng so runs are deterministic.' },
        { object: 'globalThis', property: 'document', message: 'src-core is pure: no DOM.' },
        { object: 'globalThis', property: 'window', message: 'src-core is pure: no DOM.' },
      ],
    },
  },
  {
    files: ['src-core/**/*.test.ts', 'src-core/**/*.test-helper.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'src-core tests run without Electron.' }], patterns: coreImportBan.patterns.slice(1) }],
    },
  },
  {
    files: ['src-renderer/**/*.ts', 'src-renderer/**/*.vue'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer talks to its host only through the api contract (window.l7).' }],
          patterns: [
            { group: ['node:*'], message: 'The renderer runs in a browser: no Node modules.' },
            { group: ['**/src-main', '**/src-main/**'], message: 'The renderer never imports the main process: use the host contract.' },
          ],
        },
      ],
    },
  },
);
