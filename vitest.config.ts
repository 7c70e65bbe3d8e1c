import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src-core/**/*.test.ts', 'src-main/**/*.test.ts', 'src-renderer/**/*.test.ts', 'bench/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
