/**
 * Face targets (face-target.ts) for every engine of every built-in lesson,
 * found through the registry: each lesson its protocol module lists
 * (resources/lessons/<id>.l7.json), each service of each node, each
 * workload action. Nothing here names a protocol, so a new module with a
 * lesson is fuzzed with no new code.
 *
 * - A service gets a target per socket it listens on (`listeners()` of its
 *   definition): datagrams to a UDP one, streams to a TCP one. Services
 *   with the same settings share targets (the first lesson names them).
 * - A service or action whose node received answers in its lesson (it asked
 *   something itself) gets a 'reply' target too: the input is the answer.
 * - Seeds are what the lesson's own run sent there (runScenario, the real
 *   simulation), plus the protocol oracle's (oracle.ts).
 *
 * Target names: "<type>@<lesson>/<node>.<udpPORT|tcpPORT|reply>".
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ListenerSpec } from '../../../src-core/protocols/module';
import { PROTOCOL_MODULES, listenersOf } from '../../../src-core/protocols/registry';
import { formatIssues, parseScenarioText } from '../../../src-core/scenario/load';
import { runScenario } from '../../../src-core/scenario/runner';
import type { Action, Scenario } from '../../../src-core/scenario/schema';
import type { TraceEvent } from '../../../src-core/trace/types';
import type { Driven } from './face-net';
import { faceTarget, requestPrompt, type RequestFeed, type Rig } from './face-target';
import { World } from './face-world';
import { ORACLES, type Oracle } from './oracle';
import { DEFAULT_MUTATOR_OPTIONS } from './mutate';
import { concat, hex, type FuzzTarget } from './target';

const LESSONS_DIR = fileURLToPath(new URL('../../../resources/lessons/', import.meta.url));

interface Lesson {
  readonly id: string;
  readonly scenario: Scenario;
  readonly traffic: Traffic;
}

/** What a lesson's run delivered: requests by "node/udpPORT" or "node/tcpPORT" (a whole stream each), answers by node. */
interface Traffic {
  readonly requests: Map<string, Uint8Array[]>;
  readonly replies: Map<string, Uint8Array[]>;
}

let loaded: readonly Lesson[] | null = null;

/** Every module's lessons, loaded and run once per process (the runs are deterministic). */
function lessons(): readonly Lesson[] {
  return (loaded ??= PROTOCOL_MODULES.flatMap((m) => m.lessons).map((id) => {
    const r = parseScenarioText(readFileSync(`${LESSONS_DIR}${id}.l7.json`, 'utf8'));
    if (!r.ok) throw new Error(`the lesson ${id} does not load:\n${formatIssues(r.issues)}`);
    const { events } = runScenario(r.scenario).trace();
    return { id, scenario: r.scenario, traffic: trafficOf(events, new Map(r.scenario.nodes.map((n) => [n.id, n.address]))) };
  }));
}

const push = (map: Map<string, Uint8Array[]>, key: string, bytes: Uint8Array) => void (map.get(key) ?? map.set(key, []).get(key)!).push(bytes);

/**
 * Sorts a run's application messages. On TCP, what goes to the
 * connection's client is an answer. On UDP, a message is an answer when it
 * was caused by one its receiver sent to its sender (a server's reply), or
 * when its receiver had sent from that port to its source and it really
 * comes from there (a resolver's answer to its client, caused by the last
 * upstream answer); forged ones (RFC 5452 attacks) are requests. A TCP
 * direction's messages are joined into one stream (its start, as long as
 * the longest fuzz input).
 */
function trafficOf(events: readonly TraceEvent[], addressOf: ReadonlyMap<string, string>): Traffic {
  const requests = new Map<string, Uint8Array[]>();
  const replies = new Map<string, Uint8Array[]>();
  /** UDP directions used so far: "node src>dst". */
  const sent = new Set<string>();
  const streams = new Map<string, { key: string; map: Map<string, Uint8Array[]>; parts: Uint8Array[] }>();
  for (const m of events) {
    if (m.kind !== 'message' || m.layer !== 'application') continue;
    const src = `${m.src.addr}:${m.src.port}`;
    const dst = `${m.dst.addr}:${m.dst.port}`;
    if (m.connection?.startsWith('tcp:')) {
      const toServer = m.connection.endsWith(`-${dst}`);
      const id = `${m.connection} ${toServer}`;
      let s = streams.get(id);
      if (!s) streams.set(id, (s = toServer ? { key: `${m.to}/tcp${m.dst.port}`, map: requests, parts: [] } : { key: m.to, map: replies, parts: [] }));
      s.parts.push(m.bytes);
      continue;
    }
    const cause = m.causedBy === null ? undefined : events[m.causedBy];
    const answers = cause?.kind === 'message' && cause.from === m.to && cause.to === m.from;
    const answersAsked = sent.has(`${m.to} ${dst}>${src}`) && addressOf.get(m.from) === m.src.addr;
    sent.add(`${m.from} ${src}>${dst}`);
    if (answers || answersAsked) push(replies, m.to, m.bytes);
    else push(requests, `${m.to}/udp${m.dst.port}`, m.bytes);
  }
  for (const s of streams.values()) push(s.map, s.key, concat(s.parts).subarray(0, DEFAULT_MUTATOR_OPTIONS.maxLength));
  return { requests, replies };
}


/** Byte strings without repeats, in first-seen order. */
function unique(lists: readonly (readonly Uint8Array[])[]): Uint8Array[] {
  const seen = new Set<string>();
  return lists.flat().filter((b) => {
    const h = hex(b);
    return !seen.has(h) && Boolean(seen.add(h));
  });
}

/** Where an engine under test runs in a lesson. */
interface Place {
  readonly lesson: Lesson;
  readonly node: string;
}

interface ServiceGroup {
  readonly type: string;
  readonly first: Place & { readonly index: number; readonly service: { readonly type: string } };
  readonly places: Place[];
}

interface ActionGroup {
  readonly type: string;
  readonly places: (Place & { readonly action: Action })[];
}

function oracleOf(type: string): Oracle | null {
  const m = PROTOCOL_MODULES.find((p) => p.services.some((s) => s.type === type) || p.actions.some((a) => a.type === type));
  return m ? (ORACLES.get(m.protocol) ?? null) : null;
}

interface WorldRig extends Rig {
  readonly world: World;
}

export function faceTargets(): FuzzTarget[] {
  const services = new Map<string, ServiceGroup>();
  const actions = new Map<string, ActionGroup>();
  for (const lesson of lessons()) {
    for (const node of lesson.scenario.nodes) {
      node.services.forEach((service, index) => {
        const key = `${service.type} ${JSON.stringify(service)}`;
        const group = services.get(key) ?? services.set(key, { type: service.type, first: { lesson, node: node.id, index, service }, places: [] }).get(key)!;
        group.places.push({ lesson, node: node.id });
      });
    }
    for (const action of lesson.scenario.workload) {
      const group = actions.get(action.type) ?? actions.set(action.type, { type: action.type, places: [] }).get(action.type)!;
      group.places.push({ lesson, node: action.node, action });
    }
  }
  return [...[...services.values()].flatMap(serviceTargets), ...[...actions.values()].flatMap(actionTarget)];
}

/** Recorded messages kept per place and channel: a lesson may send a hundred near copies (the poisoner's guesses). */
const RECORDED_PER_PLACE = 24;

/** At most `n` of `list`, evenly spaced, first and last included. */
function spread<T>(list: readonly T[], n: number): T[] {
  if (list.length <= n) return [...list];
  return Array.from({ length: n }, (_, i) => list[Math.round((i * (list.length - 1)) / (n - 1))]!);
}

const requestsAt = (places: readonly Place[], key: string) => places.map((p) => spread(p.lesson.traffic.requests.get(`${p.node}/${key}`) ?? [], RECORDED_PER_PLACE));
const repliesAt = (places: readonly Place[]) => places.map((p) => spread(p.lesson.traffic.replies.get(p.node) ?? [], RECORDED_PER_PLACE));

function serviceTargets(group: ServiceGroup): FuzzTarget[] {
  const { lesson, node, index } = group.first;
  const oracle = oracleOf(group.type);
  const name = (channel: string) => `${group.type}@${lesson.id}/${node}.${channel}`;
  const make = (): WorldRig => {
    const world = new World(lesson.scenario);
    return { world, net: world.net, node: world.node(node), engines: world.engines(node, index) };
  };
  const datagrams = (port: number) => unique([...requestsAt(group.places, `udp${port}`), oracle?.requests() ?? []]);
  const streams = (port: number) => unique([...requestsAt(group.places, `tcp${port}`), oracle?.streams(datagrams(port)) ?? []]);
  const feedOf = (l: ListenerSpec): RequestFeed => (l.transport === 'udp' ? { kind: 'datagram', port: l.port } : { kind: 'stream', port: l.port });
  const requests = (l: ListenerSpec) => (l.transport === 'udp' ? datagrams(l.port) : streams(l.port));
  const listeners = listenersOf(group.first.service);
  const targets = listeners.map((l) => faceTarget({ name: name(`${l.transport}${l.port}`), oracle, make, feed: feedOf(l), seeds: () => requests(l) }));
  // It asked others in its lesson: prompted by a request on its first socket, the input is their answer.
  const asks = listeners[0];
  if (asks && repliesAt(group.places).some((r) => r.length > 0)) {
    targets.push(
      faceTarget({
        name: name('reply'),
        oracle,
        make,
        feed: { kind: 'reply' },
        prompt: requestPrompt<WorldRig>(feedOf(asks), () => requests(asks), oracle),
        seeds: () => unique([...repliesAt(group.places), oracle?.replies() ?? []]),
      }),
    );
  }
  return targets;
}

/** An action that asked something in its lesson: each input, it runs again and the input is its answer. */
function actionTarget(group: ActionGroup): FuzzTarget[] {
  const first = group.places.find((p) => (p.lesson.traffic.replies.get(p.node)?.length ?? 0) > 0);
  if (!first) return [];
  const oracle = oracleOf(group.type);
  return [
    faceTarget<WorldRig>({
      name: `${group.type}@${first.lesson.id}/${first.node}.reply`,
      oracle,
      make() {
        const world = new World(first.lesson.scenario);
        return { world, net: world.net, node: world.node(first.node), engines: [] };
      },
      feed: { kind: 'reply' },
      prompt(rig) {
        rig.net.holdNew = true;
        let engines: readonly Driven[];
        try {
          engines = rig.world.run(first.action);
        } finally {
          rig.net.holdNew = false;
        }
        for (const d of engines) d.held = false;
        return engines;
      },
      seeds: () => unique([...repliesAt(group.places), oracle?.replies() ?? []]),
    }),
  ];
}

/** Service types of the registry that no lesson runs, so no face target covers them. */
export function uncoveredServiceTypes(): string[] {
  const run = new Set<string>(lessons().flatMap((l) => l.scenario.nodes.flatMap((n) => n.services.map((s) => s.type))));
  return PROTOCOL_MODULES.flatMap((m) => m.services.map((s) => s.type)).filter((t) => !run.has(t));
}
