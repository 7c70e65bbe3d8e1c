/**
 * The renderer's own source files as text, for the catalogue's tests: every
 * .ts and .vue file under src-renderer except tests, test helpers and type
 * declarations (read by Vite's import.meta.glob, so no Node module is needed).
 */
const raw: Record<string, string> = import.meta.glob(['/src-renderer/**/*.ts', '/src-renderer/**/*.vue', '!**/*.test.ts', '!**/*.test-helper.ts', '!**/*.d.ts', '!/src-renderer/i18n/**'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

export interface SourceFile {
  /** From the repository's root: "src-renderer/components/AppToolbar.vue". */
  readonly path: string;
  readonly text: string;
}

export const sourceFiles: readonly SourceFile[] = Object.entries(raw)
  .map(([path, text]) => ({ path: path.replace(/^\//, ''), text }))
  .sort((a, b) => a.path.localeCompare(b.path));

/** The 1-based line of `offset` in `text`. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
