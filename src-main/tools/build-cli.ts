/**
 * Builds the command line into one JavaScript file, out/cli/l7.mjs
 * (`npm run build:cli`, part of `npm run build`): src-main/cli/main.ts and
 * everything it imports (src-core, zod, jsonc-parser, …) bundled by Vite's
 * SSR build, so `l7 run` starts with plain Node — no TypeScript compiled at
 * run time. Node's built-ins stay imports, and so does @resvg/resvg-js (a
 * native binary, one npm package per platform, found at run time). The file
 * starts with `#!/usr/bin/env node`: it is package.json's `bin`.
 *
 *   tsx src-main/tools/build-cli.ts [OUT_DIR]     (default out/cli)
 */
import { chmodSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';

const ROOT = resolve(import.meta.dirname, '../..');
export const CLI_ENTRY = resolve(ROOT, 'src-main/cli/main.ts');
export const CLI_FILE = 'l7.mjs';
/** Packages left as imports: native, or found per platform at run time. */
export const CLI_EXTERNAL = ['@resvg/resvg-js'];

/** Builds the command line into OUT_DIR/l7.mjs (OUT_DIR emptied first); returns that file's path. */
export async function buildCli(outDir: string = resolve(ROOT, 'out/cli')): Promise<string> {
  await build({
    configFile: false,
    root: ROOT,
    publicDir: false,
    logLevel: 'warn',
    ssr: { target: 'node', noExternal: true, external: CLI_EXTERNAL },
    build: {
      ssr: CLI_ENTRY,
      outDir,
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      reportCompressedSize: false,
      rollupOptions: {
        output: { format: 'es', entryFileNames: CLI_FILE, banner: '#!/usr/bin/env node', inlineDynamicImports: true },
        onwarn(warning, warn) {
          // zod's comments beside its /* @__PURE__ */ marks, which Rollup drops: noise, nothing lost.
          if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('node_modules')) return;
          warn(warning);
        },
      },
    },
  });
  const file = resolve(outDir, CLI_FILE);
  chmodSync(file, 0o755); // runnable as ./out/cli/l7.mjs (npm sets the mode of a bin it links anyway)
  return file;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const started = performance.now();
  buildCli(process.argv[2] === undefined ? undefined : resolve(process.argv[2])).then(
    (file) => console.log(`command line: ${file} (${Math.round(performance.now() - started)} ms)`),
    (error: unknown) => {
      console.error(`build-cli: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
