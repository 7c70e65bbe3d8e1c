/**
 * `npm run fuzz` arguments and the two things it does: a fuzz run (every
 * target, or one) or a replay of given inputs on one target. Prints through
 * `out`; returns the exit status: 1 when an exception escaped or an input
 * was slow, 2 for bad arguments, else 0.
 */
import { failed, replay, runFuzz, type FuzzOptions } from './harness';
import { formatReport, shortenPath } from './report';
import { hex, parseHex, type FuzzTarget } from './target';

export const DEFAULT_TOTAL = 1_000_000;
export const DEFAULT_SEED = 1;
/** One input taking longer than this fails the run (a hang guard). */
export const SLOW_MS = 1000;

export const USAGE = [
  'usage: npm run fuzz -- [--total N] [--seed S] [--target NAME]',
  '       npm run fuzz -- --target NAME --replay HEX[,HEX...]',
  '       npm run fuzz -- --list',
  `  --total N    inputs in all, spread over the targets (default ${DEFAULT_TOTAL})`,
  `  --seed S     the run's seed, a 32-bit unsigned integer (default ${DEFAULT_SEED})`,
  '  --target N   only this target (all the inputs go to it)',
  '  --replay H   feed these inputs (hex, comma-separated, in order) to a fresh target and show what happens',
  '  --list       the targets',
].join('\n');

export interface FuzzArgs {
  readonly total: number;
  readonly seed: number;
  readonly target: string | null;
  readonly replay: readonly Uint8Array[] | null;
  readonly list: boolean;
  readonly help: boolean;
}

export function parseArgs(argv: readonly string[]): FuzzArgs | { readonly error: string } {
  let total = DEFAULT_TOTAL;
  let seed = DEFAULT_SEED;
  let target: string | null = null;
  let replayInputs: Uint8Array[] | null = null;
  let list = false;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const value = (): string | null => (i + 1 < argv.length ? argv[++i]! : null);
    if (flag === '--list') list = true;
    else if (flag === '--help' || flag === '-h') help = true;
    else if (flag === '--total' || flag === '--seed') {
      const text = value();
      const n = text !== null && /^\d+$/.test(text) ? Number(text) : NaN;
      if (!Number.isSafeInteger(n) || (flag === '--seed' && n > 0xffffffff)) return { error: `${flag} needs ${flag === '--seed' ? 'an integer 0..4294967295' : 'a whole number'}, not ${text ?? 'nothing'}` };
      if (flag === '--total') total = n;
      else seed = n;
    } else if (flag === '--target') {
      target = value();
      if (target === null) return { error: '--target needs a name (see --list)' };
    } else if (flag === '--replay') {
      const text = value();
      if (text === null) return { error: '--replay needs hex inputs' };
      const inputs = text.split(',').map((h) => parseHex(h.replace(/^''$/, '')));
      if (inputs.some((x) => x === null)) return { error: '--replay: each input must be an even number of hex digits' };
      replayInputs = inputs as Uint8Array[];
    } else return { error: `unknown argument ${flag}` };
  }
  if (replayInputs && target === null) return { error: '--replay needs --target' };
  return { total, seed, target, replay: replayInputs, list, help };
}

export interface Io {
  readonly out: (line: string) => void;
  /** Milliseconds, monotonic. */
  readonly clock: () => number;
  readonly cwd: string;
  readonly beat?: FuzzOptions['beat'];
}

export function execute(args: FuzzArgs, targets: readonly FuzzTarget[], io: Io): number {
  if (args.help) {
    io.out(USAGE);
    return 0;
  }
  if (args.list) {
    for (const t of targets) io.out(t.name);
    return 0;
  }
  const chosen = args.target === null ? targets : targets.filter((t) => t.name === args.target);
  if (chosen.length === 0) {
    io.out(`fuzz: no target named ${args.target}; the targets are: ${targets.map((t) => t.name).join(', ')}`);
    return 2;
  }
  if (args.replay) return replayInputs(chosen[0]!, args.replay, io);
  const started = io.clock();
  const report = runFuzz(chosen, { total: args.total, seed: args.seed, slowMs: SLOW_MS, clock: io.clock, ...(io.beat ? { beat: io.beat } : {}) });
  for (const line of formatReport(report, io.cwd)) io.out(line);
  const bad = failed(report);
  io.out(`${bad ? 'FAILED' : 'passed'} in ${((io.clock() - started) / 1000).toFixed(1)} s`);
  return bad ? 1 : 0;
}

function replayInputs(target: FuzzTarget, inputs: readonly Uint8Array[], io: Io): number {
  io.out(`replay on ${target.name}: ${inputs.length} input${inputs.length === 1 ? '' : 's'} to a fresh target`);
  let bad = false;
  replay(target, inputs, io.clock).forEach((r, i) => {
    const input = inputs[i]!;
    io.out(`#${i} (${input.length} bytes${input.length <= 64 ? ` ${hex(input)}` : ''}): ${r.outcome} in ${r.ms.toFixed(2)} ms`);
    if (r.ms > SLOW_MS) bad = true;
    if (r.outcome !== 'exception') return;
    bad = true;
    const e = r.error;
    const text = e instanceof Error ? (e.stack ?? `${e.name}: ${e.message}`) : `thrown ${typeof e}: ${String(e)}`;
    for (const line of text.split('\n')) io.out(`    ${shortenPath(line, io.cwd)}`);
  });
  return bad ? 1 : 0;
}
