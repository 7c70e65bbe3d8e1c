/**
 * Test support for the interop tests that run a Debian tool as an oracle
 * (dig, tshark; later curl, swaks).
 *
 * Rule: a missing tool is never skipped silently.
 * - In CI (`CI=true`, set by .ci/run, which installs the tools) a missing
 *   tool fails every test that needs it, naming the tool and its package:
 *   a CI machine without it would otherwise pass without testing anything.
 * - Elsewhere the tests are skipped, with the reason printed once and shown
 *   as the skip note of each test.
 *
 * Usage, in a test file:
 *   const dig = requireTool('dig', 'dnsutils');
 *   describe('…', () => {
 *     beforeEach((ctx) => dig.guard(ctx));
 *     …
 *   });
 */
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** What guard() needs of vitest's test context. */
export interface SkippableContext {
  skip(note?: string): void;
}

export interface RequireToolDeps {
  /** The environment to read CI from (process.env). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Whether the tool can be run (findOnPath with PATH from `env`). */
  readonly lookup?: (tool: string) => boolean;
  /** Where the skip reason is printed (console.warn). */
  readonly log?: (message: string) => void;
}

export interface RequiredTool {
  readonly tool: string;
  readonly debianPackage: string;
  readonly available: boolean;
  /** Call first in each test (or its beforeEach): returns if the tool is there, else skips or throws (see the file comment). */
  guard(ctx: SkippableContext): void;
}

export class MissingToolError extends Error {
  override readonly name = 'MissingToolError';
}

export function requireTool(tool: string, debianPackage: string, deps: RequireToolDeps = {}): RequiredTool {
  const env = deps.env ?? process.env;
  const lookup = deps.lookup ?? ((name: string) => findOnPath(name, env['PATH'] ?? ''));
  const log = deps.log ?? ((message: string) => console.warn(message));
  const available = lookup(tool);
  const inCi = env['CI'] === 'true';
  const missing = `${tool} is not installed (Debian package ${debianPackage})`;
  let told = false;
  return {
    tool,
    debianPackage,
    available,
    guard(ctx) {
      if (available) return;
      if (inCi) throw new MissingToolError(`${missing}, and CI=true requires it: apt-get install ${debianPackage}`);
      if (!told) log(`${missing}: the tests that need it are skipped; with CI=true they fail instead`);
      told = true;
      ctx.skip(`${missing}: skipped; with CI=true this test fails instead`);
    },
  };
}

/** True if an executable file named `tool` is in one of the folders of `path` (a PATH value). */
export function findOnPath(tool: string, path: string): boolean {
  const names = process.platform === 'win32' ? [tool, `${tool}.exe`, `${tool}.cmd`] : [tool];
  for (const dir of path.split(delimiter)) {
    if (dir === '') continue;
    for (const name of names) {
      const candidate = join(dir, name);
      try {
        if (!statSync(candidate).isFile()) continue;
        accessSync(candidate, constants.X_OK);
        return true;
      } catch {
        // not there, or not executable: keep looking
      }
    }
  }
  return false;
}
