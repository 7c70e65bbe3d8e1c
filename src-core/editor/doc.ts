/**
 * The document the topology editor edits: the scenario as its file holds it
 * (ScenarioInput: optional fields may be absent, defaults not filled in), so
 * that saving writes back what the user gave and nothing the loader added.
 * Every editor command is a pure function from one document to the next;
 * none mutates its input (undo keeps the old ones).
 */
import { formatIpv4, parseIpv4 } from '../net/ipv4';
import type { ScenarioInput } from '../scenario/schema';

export type EditorDoc = ScenarioInput;
export type EditorNode = EditorDoc['nodes'][number];
export type EditorLink = EditorDoc['links'][number];
export type Point = { readonly x: number; readonly y: number };

/** Node and link ids (links without an id have "<a>-<b>", resolve.ts defaultLinkId). */
export function usedIds(doc: EditorDoc): Set<string> {
  return new Set([...doc.nodes.map((n) => n.id), ...doc.links.map((l) => l.id ?? `${l.a}-${l.b}`)]);
}

/**
 * A fresh id from `base`: `base` itself when free, else base2, base3 …
 * Ids are a letter then letters,
 * digits, "_" or "-" (scenario-format.md), so a base is cleaned to that.
 */
export function freshId(taken: ReadonlySet<string>, base: string): string {
  let clean = base.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^[^A-Za-z]+/, '').slice(0, 56);
  if (clean === '') clean = 'node';
  if (!taken.has(clean)) return clean;
  for (let n = 2; ; n++) if (!taken.has(`${clean}${n}`)) return `${clean}${n}`;
}

/** First host number a new node of each kind takes in its /24: routers at .1, hosts from .10 (as the lessons number them). */
const FIRST_HOST = { router: 1, host: 10 } as const;
/** The /24 a node goes in when the scenario has no node of its kind yet. */
const DEFAULT_SUBNET = 0x0a000000; // 10.0.0.0

/**
 * A free address for a new node of `kind`: in the /24 of the last node of
 * the same kind (else of the last node, else 10.0.0.0/24), the lowest free
 * host number from FIRST_HOST up to .254; when that /24 is full, the next /24.
 */
export function freeAddress(doc: EditorDoc, kind: 'host' | 'router'): string {
  const used = new Set(doc.nodes.map((n) => parseIpv4(n.address)).filter((a): a is number => a !== null));
  const like = [...doc.nodes].reverse().find((n) => n.kind === kind) ?? doc.nodes.at(-1);
  let subnet = ((like ? parseIpv4(like.address) : null) ?? DEFAULT_SUBNET) & 0xffffff00;
  for (let tries = 0; tries < 256; tries++, subnet = (subnet + 0x100) >>> 0) {
    for (let host = FIRST_HOST[kind]; host <= 254; host++) {
      const address = (subnet | host) >>> 0;
      if (!used.has(address)) return formatIpv4(address);
    }
  }
  throw new Error('no free IPv4 address left in 256 subnets');
}
