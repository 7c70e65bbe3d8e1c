/**
 * The arguments of `l7 serve` (after the command word):
 *   <scenario.l7.json> --node ID [--port N | --port SCENARIO:LOCAL …]
 *   [--origin HOST[:PORT]=LOCAL …] [--trace FILE]
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

/**
 * A server the served node may connect to (a proxy cache's origin): a
 * request for HOST:PORT goes to 127.0.0.1:LOCAL, where another `l7 serve`
 * or any real server listens. HOST is a name (lower case) or an IPv4
 * address; PORT defaults to 80, the http URL's. A served mail server's
 * queue relays to DOMAIN:25 (smtp/module.ts: each domain is its own mail
 * server under l7 serve).
 */
export interface OriginArg {
  readonly host: string;
  readonly port: number;
  readonly local: number;
}

export interface ServeArgs {
  readonly file: string;
  readonly node: string;
  readonly ports: PortArg;
  /** Where the trace goes on Ctrl+C; null: serve-<node>.trace.json in the working folder. */
  readonly trace: string | null;
  /** The only servers the node may connect to, in the order given; none: it talks to nobody but its clients. */
  readonly origins: readonly OriginArg[];
}

export function parseServeArgs(rest: readonly string[]): ServeArgs {
  let file: string | null = null;
  let node: string | null = null;
  let trace: string | null = null;
  let one: number | null = null;
  const map = new Map<number, number>();
  const origins: OriginArg[] = [];
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
    } else if (arg === '--origin') {
      const value = rest[++i];
      if (value === undefined) throw new UsageError('--origin needs HOST[:PORT]=LOCAL: the server a request for HOST:PORT goes to is on 127.0.0.1:LOCAL');
      const origin = parseOrigin(value);
      if (origins.some((o) => o.host === origin.host && o.port === origin.port)) throw new UsageError(`--origin names ${origin.host}:${origin.port} twice`);
      origins.push(origin);
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
  return { file, node, ports, trace, origins };
}

/** A host name as RFC 1123 §2.1 allows it (letters, digits, hyphens, dots), or an IPv4 address. */
const HOST = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;

function parseOrigin(value: string): OriginArg {
  const why = `--origin "${value}": expected HOST[:PORT]=LOCAL, as www.example.com=8080 or www.example.com:80=8080 (a local port from 1 to 65535 on 127.0.0.1)`;
  const equals = value.lastIndexOf('=');
  if (equals < 0) throw new UsageError(why);
  const target = value.slice(0, equals).toLowerCase();
  const colon = target.lastIndexOf(':');
  const host = colon < 0 ? target : target.slice(0, colon);
  const port = colon < 0 ? 80 : portNumber(target.slice(colon + 1), 1, why);
  if (!HOST.test(host)) throw new UsageError(why);
  return { host, port, local: portNumber(value.slice(equals + 1), 1, why) };
}

function portNumber(text: string, min: number, why: string): number {
  if (!/^\d{1,5}$/.test(text)) throw new UsageError(why);
  const n = Number(text);
  if (n < min || n > 65535) throw new UsageError(why);
  return n;
}
