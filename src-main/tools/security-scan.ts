/**
 * The security scan of the built desktop app (`npm run test:security`):
 *
 *   npm run build && tsx src-main/tools/security-scan.ts out
 *
 * Runs @doyensec/electronegativity on the build output, prints every
 * finding, writes its CSV report into a temporary folder, and exits 1 if any
 * finding of HIGH or MEDIUM severity remains, or if a file could not be
 * parsed (a file the scanner cannot read was not checked). Electronegativity
 * itself always exits 0, which is why this script exists.
 *
 * Exclusions are by check id, each with its reason below; prefer fixing the
 * code. Note: the scanner tries to download translations and Electron's
 * release list (for its "security fixes available" check); offline it says
 * so and goes on.
 */
import run, { type ElectronegativityIssue, type ElectronegativityParseError, type ElectronegativityResult } from '@doyensec/electronegativity';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface Exclusion {
  readonly id: string;
  readonly reason: string;
}

export const EXCLUDED_CHECKS: readonly Exclusion[] = [
  {
    id: 'PRELOAD_JS_CHECK',
    reason:
      'A manual-review notice raised for every use of a preload. Ours is the design (ARCHITECTURE.md "Security"): ' +
      'a sandboxed, context-isolated preload that exposes only the L7Host contract. Its review is automated: ' +
      'src-main/bridge.test.ts checks the exposed object member by member, and verifyPreloads() below checks ' +
      'the built preload (it loads only "electron" and exposes one object, window.l7).',
  },
];

/** MEDIUM is 2, HIGH 3 in electronegativity's scale. */
export const FAILING_SEVERITY = 2;

export interface Assessment {
  readonly failing: readonly ElectronegativityIssue[];
  readonly excluded: readonly ElectronegativityIssue[];
  readonly passing: readonly ElectronegativityIssue[];
  readonly unreadable: readonly ElectronegativityParseError[];
}

export function assess(result: Pick<ElectronegativityResult, 'issues' | 'errors'>, exclusions: readonly Exclusion[] = EXCLUDED_CHECKS): Assessment {
  const excludedIds = new Set(exclusions.map((e) => e.id));
  const failing: ElectronegativityIssue[] = [];
  const excluded: ElectronegativityIssue[] = [];
  const passing: ElectronegativityIssue[] = [];
  for (const issue of result.issues) {
    if (excludedIds.has(issue.id)) excluded.push(issue);
    else if (issue.severity.value >= FAILING_SEVERITY) failing.push(issue);
    else passing.push(issue);
  }
  return { failing, excluded, passing, unreadable: result.errors.filter((e) => !e.tolerable) };
}

export function formatIssue(issue: ElectronegativityIssue, root: string): string {
  const file = issue.file === 'N/A' ? 'N/A' : relative(root, issue.file) || issue.file;
  const sample = issue.sample?.trim() ? `\n      ${issue.sample.trim().slice(0, 160)}` : '';
  return (
    `  ${issue.severity.name.padEnd(13)} ${issue.confidence.name.padEnd(9)} ${issue.id}  ${file}:${issue.location.line}:${issue.location.column}` +
    `${issue.manualReview ? '  (review)' : ''}\n      ${issue.description}${issue.shortenedURL ? ` ${issue.shortenedURL}` : ''}${sample}`
  );
}

/**
 * The automated review that replaces PRELOAD_JS_CHECK's manual one: every
 * built preload loads nothing but "electron" and exposes exactly one object,
 * as window.l7. Returns the problems found.
 */
export function verifyPreloads(outDir: string): string[] {
  const dir = join(outDir, 'preload');
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => /\.(c|m)?js$/.test(f));
  } catch {
    return [`no preload folder at ${dir}`];
  }
  if (files.length === 0) return [`no preload script in ${dir}`];
  const problems: string[] = [];
  for (const file of files) {
    const code = readFileSync(join(dir, file), 'utf8');
    const required = [...code.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
    const imported = [...code.matchAll(/\bimport\b[^'"]*["']([^"']+)["']/g)].map((m) => m[1]);
    for (const name of [...required, ...imported]) {
      if (name !== 'electron') problems.push(`${file} loads "${name}"; a sandboxed preload loads only "electron"`);
    }
    const exposed = [...code.matchAll(/exposeInMainWorld\(\s*(["'][^"']*["']|[^,]*)\s*,\s*([^)]*)/g)];
    if (exposed.length !== 1 || exposed[0]![1] !== '"l7"') {
      problems.push(`${file} must expose exactly one object, "l7"; found ${exposed.map((m) => m[1]).join(', ') || 'none'}`);
    }
    if (exposed.some((m) => /^[\w$.]*ipcRenderer$/.test(m[2]!.trim()))) problems.push(`${file} exposes ipcRenderer itself`);
  }
  return problems;
}

function electronVersion(): string | undefined {
  try {
    const require = createRequire(import.meta.url);
    const pkg: unknown = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8'));
    const version = typeof pkg === 'object' && pkg !== null ? (pkg as Record<string, unknown>)['version'] : undefined;
    return typeof version === 'string' ? version : undefined;
  } catch {
    return undefined;
  }
}

export async function main(argv: readonly string[], log: (line: string) => void = console.log): Promise<number> {
  const input = resolve(argv[0] ?? 'out');
  const reportDir = mkdtempSync(join(tmpdir(), 'l7-electronegativity-'));
  const output = join(reportDir, 'electronegativity.csv');
  const version = electronVersion();
  // The scanner looks up its messages by LANG; anything but its own locales gives raw keys.
  if (!/^(en-US|es-ES|fr-FR)$/.test(process.env['LANG'] ?? '')) process.env['LANG'] = 'en-US';
  log(`electronegativity: scanning ${input} (Electron ${version ?? 'version unknown'})`);
  const result = await run({ input, output, isSarif: false, isRelative: false, ...(version ? { electronVersionOverride: version } : {}) });
  const { failing, excluded, passing, unreadable } = assess(result);
  log(`${result.globalChecks} global and ${result.atomicChecks} atomic checks; report: ${output}`);
  const section = (title: string, issues: readonly ElectronegativityIssue[]): void => {
    if (issues.length === 0) return;
    log(`\n${title}:`);
    for (const issue of issues) log(formatIssue(issue, input));
  };
  section('Findings of HIGH or MEDIUM severity (failing)', failing);
  section('Findings of LOW or INFORMATIONAL severity', passing);
  section('Findings of excluded checks', excluded);
  if (excluded.length > 0) {
    log('\nExcluded checks:');
    for (const e of EXCLUDED_CHECKS) log(`  ${e.id}: ${e.reason}`);
  }
  for (const e of unreadable) log(`\nCould not parse ${relative(input, e.file)}: ${e.message}`);
  const preloadProblems = verifyPreloads(input);
  for (const p of preloadProblems) log(`\nPreload: ${p}`);
  const failed = failing.length > 0 || unreadable.length > 0 || preloadProblems.length > 0;
  log(
    failed
      ? `\nSecurity scan FAILED: ${failing.length} finding(s) of HIGH or MEDIUM severity, ${unreadable.length} unparsed file(s), ${preloadProblems.length} preload problem(s).`
      : `\nSecurity scan passed: no finding of HIGH or MEDIUM severity.`,
  );
  return failed ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`Security scan could not run: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      process.exit(2);
    },
  );
}
