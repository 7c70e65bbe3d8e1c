/**
 * Test helper: runs `l7 serve` in this process, as the command line does
 * (main) or with fake service definitions (serve), learns its ports from the
 * "listening" lines and stops it with an injected signal instead of Ctrl+C.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../cli/main';
import type { AnyServiceDefinition } from '../../src-core/protocols/module';
import { parseScenarioText } from '../../src-core/scenario/load';
import { parseServeArgs } from './args';
import { serve, type ServeIo } from './serve';

export interface Listener {
  readonly transport: 'udp' | 'tcp';
  readonly port: number;
  readonly service: string;
}

export interface Serving {
  readonly listeners: readonly Listener[];
  readonly out: readonly string[];
  readonly err: readonly string[];
  /** The local port of the one listener of `transport` (and `service`, when several). */
  port(transport: 'udp' | 'tcp', service?: string): number;
  /** Sends the stop signal; resolves with the exit code once the trace is written. */
  stop(): Promise<number>;
}

export interface Ended {
  readonly code: number;
  readonly out: readonly string[];
  readonly err: readonly string[];
}

const LISTENING = /^listening (udp|tcp) 127\.0\.0\.1:(\d+) (\S+)$/;

type Runner = (io: ServeIo, waitForStop: () => Promise<string>) => Promise<number>;

/** `l7 serve ARGS…` through the command line's main, in working folder `cwd`. */
export function startCli(args: readonly string[], cwd: string = process.cwd()): Promise<Serving | Ended> {
  return start((io, waitForStop) => main(['serve', ...args], io, { waitForStop, cwd }));
}

/** `l7 serve ARGS…` with service definitions of the test's own. */
export function startWith(args: readonly string[], definitionOf: (type: string) => AnyServiceDefinition): Promise<Serving | Ended> {
  return start(async (io, waitForStop) => {
    const parsed = parseServeArgs(args);
    const loaded = parseScenarioText(readFileSync(parsed.file, 'utf8'));
    if (!loaded.ok) throw new Error(`${parsed.file} does not load`);
    return serve(parsed, loaded.scenario, io, { waitForStop, cwd: process.cwd(), definitionOf });
  });
}

/**
 * `l7 serve FILE --node NODE ARGS… --trace DIR/NODE.trace.json`, expected to
 * start; `stops` (emptied by the test file's afterEach) stops it unless the
 * test already did.
 */
export async function serveNodeOf(file: string, node: string, dir: string, args: readonly string[], stops: (() => Promise<unknown>)[]): Promise<Serving> {
  const s = serving(await startCli([file, '--node', node, ...args, '--trace', join(dir, `${node}.trace.json`)]));
  let stopped = false;
  stops.push(async () => (stopped ? undefined : s.stop()));
  return { ...s, stop: () => ((stopped = true), s.stop()) };
}

/** Expects serving to have started. */
export function serving(s: Serving | Ended): Serving {
  if ('code' in s) throw new Error(`l7 serve ended with code ${s.code}: ${s.err.join('\n')}`);
  return s;
}

function start(run: Runner): Promise<Serving | Ended> {
  const out: string[] = [];
  const err: string[] = [];
  let signal!: (name: string) => void;
  const stopped = new Promise<string>((resolve) => (signal = resolve));
  return new Promise((resolve, reject) => {
    let ready = false;
    const io: ServeIo = {
      out(text) {
        out.push(...text.split('\n'));
        if (!ready && text.startsWith('serving node')) {
          ready = true;
          resolve(servingOf(out, err, () => {
            signal('SIGINT');
            return exit;
          }));
        }
      },
      err: (text) => err.push(...text.split('\n')),
    };
    const exit = run(io, () => stopped);
    exit.then(
      (code) => {
        if (!ready) resolve({ code, out, err });
      },
      (error: unknown) => (ready ? undefined : reject(error)),
    );
  });
}

function servingOf(out: string[], err: string[], stop: () => Promise<number>): Serving {
  const listeners: Listener[] = [];
  for (const line of out) {
    const m = LISTENING.exec(line);
    if (m) listeners.push({ transport: m[1] as 'udp' | 'tcp', port: Number(m[2]), service: m[3]! });
  }
  return {
    listeners,
    out,
    err,
    port(transport, service) {
      const found = listeners.filter((l) => l.transport === transport && (service === undefined || l.service === service));
      if (found.length !== 1) throw new Error(`expected one ${transport} listener${service ? ` of ${service}` : ''}, got ${found.length}: ${out.join('\n')}`);
      return found[0]!.port;
    },
    stop,
  };
}
