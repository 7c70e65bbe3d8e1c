/**
 * The headless command line:
 *   npm run l7 -- run <scenario.l7.json> [--seed N] [--out trace.json] [--pcap trace.pcapng]
 *                     [--svg chart.svg] [--png chart.png] [--theme light|dark]
 *   npm run l7 -- validate <scenario.l7.json>
 *   npm run l7 -- serve <scenario.l7.json> --node ID [--port N | --port SCENARIO:LOCAL …]
 *                       [--origin HOST[:PORT]=LOCAL …] [--trace FILE]
 * Exit codes: 0 success, 1 the scenario is invalid or the run (or serving) failed, 2 usage error.
 * A bad file gets a message naming the file, line and JSON path; never a stack trace.
 */
import { realpathSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { formatIssue, parseScenarioBytes } from '../../src-core/scenario/load';
import type { ChartTheme } from '../../src-core/chart/colors';
import type { Scenario } from '../../src-core/scenario/schema';
import type { RunProgress, ScenarioRun } from '../../src-core/scenario/runner';
import { writeFileAtomic } from '../files/atomic-write';
import { TraceFileError, TraceFiles } from './trace-files';
import { parseServeArgs, type ServeArgs } from '../serve/args';
import { UsageError } from '../serve/errors';
import { serve } from '../serve/serve';
import { chartSvgOf, NoFontError, PNG_SCALE, svgToPng, type PngFonts } from './chart-export';
import { runToEnd, type FinishedRun } from './run-to-end';
import { summarizeTrace } from './summary';
import { guideReport } from '../../src-core/lessons/guide-report';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** A status line that replaces the previous one ('' clears it); given only when a person watches (stderr is a terminal). */
  progress?(text: string): void;
}

/** What a long run has done so far, for the status line (after each slice of the run). */
export function progressLine(p: RunProgress): string {
  return `running: ${(p.simTime / 1e9).toFixed(3)} s simulated, ${p.traceEvents.toLocaleString('en-US')} trace events (${p.kernelEvents.toLocaleString('en-US')} kernel events)`;
}

/** What the command line takes from its process; tests give their own. */
export interface CliEnv {
  /** Resolves with the signal's name when `serve` is to stop (SIGINT, SIGTERM). */
  waitForStop(): Promise<string>;
  readonly cwd: string;
  /** Where the PNG's rasteriser finds fonts (default: the system's). */
  readonly fonts?: PngFonts;
}

/** The first SIGINT or SIGTERM (Ctrl+C); a second one, after the handlers are gone, ends the process the usual way. */
export function waitForSignal(): Promise<string> {
  return new Promise((resolve) => {
    const on = (signal: NodeJS.Signals) => {
      process.off('SIGINT', on);
      process.off('SIGTERM', on);
      resolve(signal);
    };
    process.on('SIGINT', on);
    process.on('SIGTERM', on);
  });
}

const PROCESS_ENV: CliEnv = {
  waitForStop: waitForSignal,
  get cwd() {
    return process.cwd();
  },
};

const USAGE = `usage:
  l7 run <scenario.l7.json> [--seed N] [--out trace.json] [--pcap trace.pcapng]
         [--svg chart.svg] [--png chart.png] [--theme light|dark]
                                                             run a scenario, print a summary, write the trace
                                                             (JSON) and/or its packets (pcapng, for Wireshark)
                                                             and/or the whole sequence chart as the app exports
                                                             it (SVG; PNG at 2x), light theme unless --theme dark;
                                                             a lesson's guide is worked out too (its steps'
                                                             events, its formulas against the run)
  l7 validate <scenario.l7.json>                             check a scenario file
  l7 serve <scenario.l7.json> --node ID [--port N | --port SCENARIO:LOCAL ...]
           [--origin HOST[:PORT]=LOCAL ...] [--trace FILE]
                                                             run the servers of one node on 127.0.0.1 until
                                                             Ctrl+C, then write the trace (default
                                                             serve-ID.trace.json); --port N moves the node's
                                                             port, --port 25:2525 maps one of several;
                                                             --origin lets a proxy cache reach HOST:PORT
                                                             (default port 80) at 127.0.0.1:LOCAL, and a
                                                             mail server relay to DOMAIN:25 (the mail
                                                             server for DOMAIN) at 127.0.0.1:LOCAL`;

type ParsedArgs =
  | { readonly command: 'help' }
  | { readonly command: 'serve'; readonly serve: ServeArgs }
  | {
      readonly command: 'run' | 'validate';
      readonly file: string;
      readonly seed: number | undefined;
      readonly out: string | null;
      readonly pcap: string | null;
      readonly svg: string | null;
      readonly png: string | null;
      readonly theme: ChartTheme;
    };

/** `--NAME FILE` options of `run`: each names the file it writes. */
const FILE_OPTIONS = ['--out', '--pcap', '--svg', '--png'] as const;
type FileOption = (typeof FILE_OPTIONS)[number];
const isFileOption = (arg: string): arg is FileOption => (FILE_OPTIONS as readonly string[]).includes(arg);

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') return { command: 'help' };
  if (command === 'serve') return { command, serve: parseServeArgs(rest) };
  if (command !== 'run' && command !== 'validate') throw new UsageError(`unknown command "${command}"`);
  let file: string | null = null;
  let seed: number | undefined;
  const files: Record<FileOption, string | null> = { '--out': null, '--pcap': null, '--svg': null, '--png': null };
  let theme: ChartTheme | null = null;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (command === 'run' && arg === '--seed') {
      const value = rest[++i];
      if (value === undefined || !/^\d+$/.test(value) || Number(value) > 0xffffffff) {
        throw new UsageError(`--seed needs an integer from 0 to 4294967295, got ${value === undefined ? 'nothing' : `"${value}"`}`);
      }
      seed = Number(value);
    } else if (command === 'run' && isFileOption(arg)) {
      const value = rest[++i];
      if (value === undefined || value === '' || value.startsWith('--')) throw new UsageError(`${arg} needs a file name`);
      if (files[arg] !== null) throw new UsageError(`${arg} given twice`);
      files[arg] = value;
    } else if (command === 'run' && arg === '--theme') {
      const value = rest[++i];
      if (value !== 'light' && value !== 'dark') {
        throw new UsageError(`--theme needs light or dark, got ${value === undefined ? 'nothing' : `"${value}"`}`);
      }
      theme = value;
    } else if (arg.startsWith('-')) {
      throw new UsageError(`unknown option "${arg}"`);
    } else if (file === null) {
      file = arg;
    } else {
      throw new UsageError(`unexpected argument "${arg}"`);
    }
  }
  if (file === null) throw new UsageError(`${command} needs a scenario file`);
  if (theme !== null && files['--svg'] === null && files['--png'] === null) throw new UsageError('--theme is for the chart: give --svg or --png too');
  const written = FILE_OPTIONS.map((o) => files[o]).filter((f) => f !== null);
  const twice = written.find((f, i) => written.indexOf(f) !== i);
  if (twice !== undefined) throw new UsageError(`"${twice}" is given for two outputs`);
  return { command, file, seed, out: files['--out'], pcap: files['--pcap'], svg: files['--svg'], png: files['--png'], theme: theme ?? 'light' };
}

async function loadScenario(file: string, io: CliIo, verb = 'run'): Promise<Scenario | null> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    io.err(`${file}: cannot read the file (${describeFsError(error)})`);
    return null;
  }
  const result = parseScenarioBytes(bytes);
  if (!result.ok) {
    for (const issue of result.issues) io.err(formatIssue(issue, file));
    io.err(`${file}: ${result.issues.length} problem${result.issues.length === 1 ? '' : 's'}; the scenario was not ${verb}`);
    return null;
  }
  return result.scenario;
}

export async function main(argv: readonly string[], io: CliIo, env: CliEnv = PROCESS_ENV): Promise<number> {
  let args: ParsedArgs;
  try {
    args = parseArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`l7: ${error.message}\n${USAGE}`);
      return 2;
    }
    throw error;
  }
  if (args.command === 'help') {
    io.out(USAGE);
    return 0;
  }
  if (args.command === 'serve') {
    const scenario = await loadScenario(args.serve.file, io, 'served');
    if (!scenario) return 1;
    return serve(args.serve, scenario, io, { waitForStop: () => env.waitForStop(), cwd: env.cwd });
  }
  const file = args.file;
  const scenario = await loadScenario(file, io);
  if (!scenario) return 1;
  if (args.command === 'validate') {
    io.out(`${file}: ok — "${scenario.name}": ${scenario.nodes.length} nodes, ${scenario.links.length} links, ${scenario.workload.length} actions`);
    return 0;
  }
  // The trace and the capture are written while the run goes (trace-files.ts).
  let files: TraceFiles | null = null;
  if (args.out || args.pcap) {
    try {
      files = new TraceFiles({ json: args.out, pcap: args.pcap });
    } catch (error) {
      reportFileError(error, args, io);
      return 1;
    }
  }
  let finished: FinishedRun;
  try {
    const showProgress = io.progress?.bind(io);
    const afterSlice =
      files || showProgress
        ? (run: ScenarioRun) => {
            files?.progress(run.sim.store.events);
            showProgress?.(progressLine(run.progress()));
          }
        : undefined;
    try {
      finished = runToEnd(scenario, { seed: args.seed }, undefined, afterSlice);
    } finally {
      showProgress?.('');
    }
  } catch (error) {
    files?.discard();
    // The simulation could not even be built from a valid scenario: a bug of ours, nothing ran.
    io.err(`l7: internal error: the scenario could not be set up (${error instanceof Error ? error.message : String(error)}); nothing ran`);
    return 1;
  }
  const { trace, failure } = finished;
  io.out(summarizeTrace(trace));
  if (scenario.guide !== undefined) io.out(guideReport(scenario.guide, scenario, trace));
  if (failure) io.err(`l7: internal error at ${trace.header.endTime / 1e6} ms: ${failure.message}; the run stopped there, and the trace so far is written`);
  if (files) {
    try {
      files.finish(trace);
    } catch (error) {
      files.discard();
      reportFileError(error, args, io);
      return 1;
    }
    if (args.out) io.out(`trace:      ${args.out}`);
    if (args.pcap) io.out(`packets:    ${args.pcap}`);
  }
  if (args.svg || args.png) {
    const written = await writeChart(scenario, trace, args, io, env.fonts);
    if (!written) return 1;
  }
  return failure ? 1 : 0;
}

/** "FILE: cannot write the trace (why)" for the file that failed. */
function reportFileError(error: unknown, args: { out: string | null; pcap: string | null }, io: CliIo): void {
  const target = error instanceof TraceFileError ? error.target : 'json';
  const cause = error instanceof TraceFileError ? error.cause : error;
  if (target === 'json') io.err(`${args.out}: cannot write the trace (${describeFsError(cause)})`);
  else io.err(`${args.pcap}: cannot write the capture (${describeFsError(cause)})`);
}

/** Writes the chart as SVG and/or PNG (chart-export.ts); false when one could not be written (the message names the file). */
async function writeChart(
  scenario: Scenario,
  trace: FinishedRun['trace'],
  args: { readonly svg: string | null; readonly png: string | null; readonly theme: ChartTheme },
  io: CliIo,
  fonts: PngFonts | undefined,
): Promise<boolean> {
  const svg = chartSvgOf(scenario, trace, args.theme);
  if (args.svg) {
    try {
      await writeFileAtomic(args.svg, svg);
    } catch (error) {
      io.err(`${args.svg}: cannot write the chart (${describeFsError(error)})`);
      return false;
    }
    io.out(`chart:      ${args.svg}`);
  }
  if (args.png) {
    let png: ReturnType<typeof svgToPng>;
    try {
      png = svgToPng(svg, fonts);
    } catch (error) {
      const reason = error instanceof NoFontError ? error.message : `the rasteriser failed: ${error instanceof Error ? error.message : String(error)}`;
      io.err(`${args.png}: cannot draw the chart (${reason}); nothing was written`);
      return false;
    }
    try {
      await writeFileAtomic(args.png, png.data);
    } catch (error) {
      io.err(`${args.png}: cannot write the chart (${describeFsError(error)})`);
      return false;
    }
    const scaled = png.scale < PNG_SCALE ? `, drawn at ${png.scale.toFixed(2)}x: ${PNG_SCALE}x would pass the pixel limit` : '';
    io.out(`chart png:  ${args.png} (${png.width} x ${png.height} px${scaled})`);
  }
  return true;
}

function describeFsError(error: unknown): string {
  const code = (error as { code?: string }).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a folder';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

/**
 * Run as a program (`tsx src-main/cli/main.ts`, `node out/cli/l7.mjs`, or the `l7` of package.json's
 * `bin`, a symbolic link to out/cli/l7.mjs), not imported by a test. Node gives a module the URL of its
 * real path, and argv[1] as typed, so the link is resolved before comparing.
 */
function invokedAsProgram(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(script)).href;
  } catch {
    return false;
  }
}

const invokedDirectly = invokedAsProgram();
if (invokedDirectly) {
  // `l7 run … | head`: the reader left; what is still to print has no one to read it (as for any Unix tool), and files being written are finished first
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  main(process.argv.slice(2), {
    out: (t) => process.stdout.write(`${t}\n`),
    err: (t) => process.stderr.write(`${t}\n`),
    // \r and "erase to end of line" (ECMA-48 EL): the status line rewrites itself
    ...(process.stderr.isTTY ? { progress: (t: string) => process.stderr.write(`\r\x1b[K${t}`) } : {}),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`l7: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
