/**
 * The printed report: one line per target (inputs, ok, rejected, exceptions,
 * slow inputs, slowest input in ms), a total line, then each failure with
 * the command that replays it.
 */
import { hex } from './target';
import type { Failure, FuzzReport, TargetStats } from './harness';

/** Inputs longer than this are not printed whole (their minimal reproducer is). */
const MAX_HEX_BYTES = 512;

const COLUMNS = ['inputs', 'ok', 'rejected', 'exceptions', 'slow', 'slowest ms'] as const;

export function formatReport(report: FuzzReport, cwd = ''): string[] {
  const width = Math.max(5, ...report.targets.map((t) => t.name.length));
  const row = (name: string, cells: readonly string[]) => [name.padEnd(width), ...cells.map((c, i) => c.padStart(Math.max(COLUMNS[i]!.length, 9)))].join('  ');
  const cells = (t: Omit<TargetStats, 'name' | 'failures'>) => [t.inputs, t.ok, t.rejected, t.exceptions, t.slow].map(String).concat(t.slowestMs.toFixed(2));
  const sum = (k: 'inputs' | 'ok' | 'rejected' | 'exceptions' | 'slow') => report.targets.reduce((n, t) => n + t[k], 0);
  const total = { inputs: sum('inputs'), ok: sum('ok'), rejected: sum('rejected'), exceptions: sum('exceptions'), slow: sum('slow'), slowestMs: Math.max(0, ...report.targets.map((t) => t.slowestMs)) };
  const lines = [
    `fuzz: seed ${report.seed}, ${report.total} inputs over ${report.targets.length} target${report.targets.length === 1 ? '' : 's'}`,
    row('target', COLUMNS),
    ...report.targets.map((t) => row(t.name, cells(t))),
    row('total', cells(total)),
  ];
  const failures = report.targets.flatMap((t) => t.failures);
  if (failures.length > 0) lines.push('', 'failures (the first input of each kind, per target):');
  for (const f of failures) lines.push(...formatFailure(f, report.seed, cwd));
  return lines;
}

export function formatFailure(f: Failure, seed: number, cwd = ''): string[] {
  const out = [`- ${f.target}: ${f.kind === 'slow' ? `input #${f.index} ${f.message}` : `${f.count} input${f.count === 1 ? '' : 's'} threw ${shorten(f.message)}`}`];
  for (const frame of f.stack) out.push(`    ${shortenPath(frame, cwd)}`);
  out.push(`    first: input #${f.index}, ${f.input.length} bytes${f.input.length <= MAX_HEX_BYTES ? `: ${hex(f.input)}` : ''}`);
  const bytes = f.reproducer.reduce((n, r) => n + r.length, 0);
  out.push(`    reproduce (${f.reproducer.length === 1 ? `${bytes} bytes` : `${f.reproducer.length} inputs, ${bytes} bytes`}): npm run fuzz -- --target ${f.target} --replay ${f.reproducer.map(hex).join(',') || "''"}`);
  if (f.reproducer.length > 1) out.push(`    or the run itself: npm run fuzz -- --target ${f.target} --seed ${seed} --total ${f.index + 1}`);
  return out;
}

/** One line, control characters escaped (messages quote names decoded from fuzzed bytes), at most 200 characters. */
function shorten(message: string): string {
  const text = message.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  return text.length > 200 ? `${text.slice(0, 197)}…` : text;
}

/** Stack frames name files by absolute path or file URL; shown relative to the project. */
export function shortenPath(frame: string, cwd: string): string {
  if (!cwd) return frame;
  return frame.replaceAll(`file://${cwd}/`, '').replaceAll(`${cwd}/`, '');
}
