/**
 * The arguments of `l7 serve` (after the command word):
 *   <scenario.l7.json> --node ID [--port N | --port SCENARIO:LOCAL …] [--trace FILE]
 * Syntax only: whether the node exists and which ports it listens on is
 * checked against the scenario (port-plan.ts).
 */
import { UsageError } from './errors';

/**
 * How scenario ports become local ports: `none` (each keeps its number, or a
 * free one when that cannot be bound), `one` (the node's one port number
 * moves to `local`), `map` (scenario port → local port, one entry per
 * `--port A:B`). A local port of 0 asks for any free port.
 */
export type PortArg = { readonly kind: 'none' } | { readonly kind: 'one'; readonly local: number } | { readonly kind: 'map'; readonly map: ReadonlyMap<number, number> };

export interface ServeArgs {
  readonly file: string;
  readonly node: string;
  readonly ports: PortArg;
  /** Where the trace goes on Ctrl+C; null: serve-<node>.trace.json in the working folder. */
  readonly trace: string | null;
}

export function parseServeArgs(rest: readonly string[]): ServeArgs {
  let file: string | null = null;
  let node: string | null = null;
  let trace: string | null = null;
  let one: number | null = null;
  const map = new Map<number, number>();
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === '--node') {
      const value = rest[++i];
      if (value === undefined || value.startsWith('-')) throw new UsageError('--node needs the id of a node of the scenario');
      if (node !== null) throw new UsageError('--node given twice: l7 serve serves one node');
      node = value;
    } else if (arg === '--port') {
      const value = rest[++i];
      if (value === undefined) throw new UsageError('--port needs a port number N or SCENARIO:LOCAL');
      const colon = value.indexOf(':');
      if (colon < 0) {
        const local = portNumber(value, 0, `--port "${value}": expected a port number from 0 to 65535 or SCENARIO:LOCAL`);
        if (one !== null || map.size > 0) throw new UsageError('--port N moves the node\'s one port; to map several, give each as --port SCENARIO:LOCAL');
        one = local;
      } else {
        const why = `--port "${value}": expected SCENARIO:LOCAL, a scenario port from 1 to 65535 and a local port from 0 to 65535`;
        const scenario = portNumber(value.slice(0, colon), 1, why);
        const local = portNumber(value.slice(colon + 1), 0, why);
        if (one !== null) throw new UsageError('--port N moves the node\'s one port; to map several, give each as --port SCENARIO:LOCAL');
        if (map.has(scenario)) throw new UsageError(`--port maps scenario port ${scenario} twice`);
        map.set(scenario, local);
      }
    } else if (arg === '--trace') {
      const value = rest[++i];
      if (value === undefined) throw new UsageError('--trace needs a file name');
      trace = value;
    } else if (arg.startsWith('-')) {
      throw new UsageError(`unknown option "${arg}"`);
    } else if (file === null) {
      file = arg;
    } else {
      throw new UsageError(`unexpected argument "${arg}"`);
    }
  }
  if (file === null) throw new UsageError('serve needs a scenario file');
  if (node === null) throw new UsageError('serve needs --node ID: the node whose servers to run');
  const ports: PortArg = one !== null ? { kind: 'one', local: one } : map.size > 0 ? { kind: 'map', map } : { kind: 'none' };
  return { file, node, ports, trace };
}

function portNumber(text: string, min: number, why: string): number {
  if (!/^\d{1,5}$/.test(text)) throw new UsageError(why);
  const n = Number(text);
  if (n < min || n > 65535) throw new UsageError(why);
  return n;
}
