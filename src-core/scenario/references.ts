/**
 * Cross-reference checks, run once the shape is valid. Each rule reports the
 * JSON path of the value at fault:
 * - node ids unique; addresses unique;
 * - a node's services never share transport protocol and port;
 * - link ends exist and differ; at most one link per pair of nodes; link ids
 *   unique, counting the default ids of links without one (resolve.ts);
 * - an action's node exists and is a host; its own fields are checked by ACTION_CHECKS;
 * - a zone edit names a zone its node serves, and its records match its name and type;
 * - loss rules name existing links and nodes;
 * - view.laneOrder names existing nodes, each once.
 */
import { canonicalName, isInZone } from '../protocols/dns/names';
import { quote } from './describe-value';
import type { PathIssue, PathSegment } from './errors';
import { SERVICE_TRANSPORT } from './schema';
import type { Action, ActionType, ParsedScenario, ScenarioNode, ServiceType } from './schema';
import { linkIdOf } from './resolve';
import { unknownNameHint } from './suggest';

interface Context {
  readonly scenario: ParsedScenario;
  readonly nodeById: ReadonlyMap<string, ScenarioNode>;
  readonly nodeIds: readonly string[];
  readonly issues: PathIssue[];
}

type ActionCheck<T extends ActionType> = (
  action: Extract<Action, { type: T }>,
  path: readonly PathSegment[],
  ctx: Context,
) => void;

/**
 * The checks specific to each action variant (the common ones, node exists
 * and is a host, are done for all). Adding an action variant to schema.ts
 * makes the compiler ask for its entry here.
 */
const ACTION_CHECKS: { readonly [T in ActionType]: ActionCheck<T> } = {
  'udp-upper-client': (action, path, ctx) => requireService(ctx, path, action.server, action.port, 'udp-upper-server'),
  'tcp-upper-client': (action, path, ctx) => requireService(ctx, path, action.server, action.port, 'tcp-upper-server'),
  'dns-lookup': (action, path, ctx) => requireDnsService(ctx, [...path, 'resolver'], action.resolver, ['dns-resolver', 'dns-server']),
  'dns-poison': (action, path, ctx) => {
    requireDnsService(ctx, [...path, 'resolver'], action.resolver, ['dns-resolver']);
    requireNode(ctx, [...path, 'spoofAs'], action.spoofAs);
  },
  'dns-amplify': (action, path, ctx) => {
    requireDnsService(ctx, [...path, 'server'], action.server, ['dns-server', 'dns-resolver']);
    requireNode(ctx, [...path, 'victim'], action.victim);
  },
  'dns-zone-edit': (action, path, ctx) => checkZoneEdit(ctx, path, action),
};

/** A zone edit names a zone the node serves, and every new record has the edit's name and type. */
function checkZoneEdit(ctx: Context, path: readonly PathSegment[], edit: Extract<Action, { type: 'dns-zone-edit' }>): void {
  const node = ctx.nodeById.get(edit.node);
  if (node) {
    const origins = node.services.flatMap((s) => (s.type === 'dns-server' ? s.zones.map((z) => z.origin) : []));
    if (origins.length === 0) report(ctx, [...path, 'node'], `node ${quote(edit.node)} runs no dns-server (a zone edit changes an authoritative server's zone)`);
    else if (!origins.some((origin) => isInZone(edit.name, origin === '.' ? '' : origin))) {
      report(ctx, [...path, 'name'], `${quote(edit.name)} is in none of the zones of ${quote(edit.node)} (its zones: ${origins.map(quote).join(', ')})`);
    }
  }
  edit.records.forEach((record, k) => {
    if (canonicalName(record.name) !== canonicalName(edit.name)) report(ctx, [...path, 'records', k, 'name'], `expected ${quote(edit.name)} (the edit's name), got ${quote(record.name)}`);
    if (record.type !== edit.recordType) report(ctx, [...path, 'records', k, 'type'], `expected ${quote(edit.recordType)} (the edit's recordType), got ${quote(record.type)}`);
  });
}

/** A DNS reference must name a node that runs one of `types`. */
function requireDnsService(ctx: Context, path: readonly PathSegment[], id: string, types: readonly ServiceType[]): void {
  if (!requireNode(ctx, path, id)) return;
  const node = ctx.nodeById.get(id)!;
  if (node.services.some((s) => types.includes(s.type))) return;
  report(ctx, path, `node ${quote(id)} runs no ${types.join(' or ')} (a DNS server is needed here)`);
}

/** A resolver's root servers and forwarder must be DNS servers. */
function checkDnsResolvers(ctx: Context): void {
  ctx.scenario.nodes.forEach((node, i) => {
    node.services.forEach((service, j) => {
      if (service.type !== 'dns-resolver') return;
      const path = ['nodes', i, 'services', j];
      service.rootServers.forEach((id, k) => requireDnsService(ctx, [...path, 'rootServers', k], id, ['dns-server']));
      if (service.forwarder !== undefined) requireDnsService(ctx, [...path, 'forwarder'], service.forwarder, ['dns-server', 'dns-resolver']);
      if (service.mode === 'forward' && service.forwarder === undefined) report(ctx, [...path, 'forwarder'], 'missing property "forwarder": a resolver in "forward" mode needs a node to forward to');
      if (service.mode === 'iterative' && service.rootServers.length === 0) report(ctx, [...path, 'rootServers'], 'expected at least one root server for "iterative" mode');
    });
  });
}

export function checkReferences(scenario: ParsedScenario): PathIssue[] {
  const nodeById = new Map<string, ScenarioNode>();
  for (const node of scenario.nodes) if (!nodeById.has(node.id)) nodeById.set(node.id, node);
  const ctx: Context = { scenario, nodeById, nodeIds: [...nodeById.keys()], issues: [] };
  checkNodes(ctx);
  checkDnsResolvers(ctx);
  checkLinks(ctx);
  checkWorkload(ctx);
  checkLossRules(ctx);
  checkView(ctx);
  return ctx.issues;
}

function checkNodes(ctx: Context): void {
  const firstWithId = new Map<string, number>();
  const firstWithAddress = new Map<string, number>();
  ctx.scenario.nodes.forEach((node, i) => {
    const sameId = firstWithId.get(node.id);
    if (sameId === undefined) firstWithId.set(node.id, i);
    else report(ctx, ['nodes', i, 'id'], `duplicate node id ${quote(node.id)} (nodes[${sameId}] has it already)`);

    const sameAddress = firstWithAddress.get(node.address);
    if (sameAddress === undefined) firstWithAddress.set(node.address, i);
    else {
      const owner = ctx.scenario.nodes[sameAddress]!;
      report(ctx, ['nodes', i, 'address'], `duplicate address ${quote(node.address)} (node ${quote(owner.id)} has it already)`);
    }

    // Key "udp/53": one service per transport protocol and port.
    const firstOnPort = new Map<string, number>();
    node.services.forEach((service, j) => {
      const key = `${SERVICE_TRANSPORT[service.type]}/${service.port}`;
      const same = firstOnPort.get(key);
      if (same === undefined) firstOnPort.set(key, j);
      else {
        const other = node.services[same]!;
        report(
          ctx,
          ['nodes', i, 'services', j, 'port'],
          `port ${key} is already used on node ${quote(node.id)} by services[${same}] (${other.type})`,
        );
      }
    });
  });
}

function checkLinks(ctx: Context): void {
  const firstWithId = new Map<string, number>();
  const firstForPair = new Map<string, number>();
  ctx.scenario.links.forEach((link, i) => {
    const aKnown = requireNode(ctx, ['links', i, 'a'], link.a);
    const bKnown = requireNode(ctx, ['links', i, 'b'], link.b);
    let pairTaken = false;
    if (link.a === link.b) {
      report(ctx, ['links', i, 'b'], `a link cannot join node ${quote(link.b)} to itself (expected "b" to differ from "a")`);
    } else if (aKnown && bKnown) {
      // Links are undirected: the pair key is the two ids in sorted order.
      const pair = link.a < link.b ? `${link.a}\u0000${link.b}` : `${link.b}\u0000${link.a}`;
      const same = firstForPair.get(pair);
      if (same === undefined) firstForPair.set(pair, i);
      else {
        pairTaken = true;
        report(ctx, ['links', i], `links[${same}] already joins ${quote(link.a)} and ${quote(link.b)} (at most one link per pair of nodes)`);
      }
    }
    const id = linkIdOf(link);
    const same = firstWithId.get(id);
    if (same === undefined) firstWithId.set(id, i);
    else if (link.id !== undefined) {
      report(ctx, ['links', i, 'id'], `duplicate link id ${quote(id)} (links[${same}] has it already)`);
    } else if (!pairTaken) {
      // (A second link between the same pair, in the same direction, has the same default id: reported once, above.)
      report(ctx, ['links', i], `this link's default id ${quote(id)} is already used by links[${same}]; give this link an "id"`);
    }
  });
}

function checkWorkload(ctx: Context): void {
  ctx.scenario.workload.forEach((action, i) => {
    const path = ['workload', i] as const;
    if (requireNode(ctx, [...path, 'node'], action.node)) {
      const node = ctx.nodeById.get(action.node)!;
      if (node.kind !== 'host') {
        report(ctx, [...path, 'node'], `expected a host, got ${node.kind} ${quote(node.id)} (actions are performed by hosts)`);
      }
    }
    // The table is complete by construction; the cast is the usual price of a correlated union.
    const check = ACTION_CHECKS[action.type] as ActionCheck<ActionType>;
    check(action as never, path, ctx);
  });
}

/** The node `serverId` exists and has a service of `type` on `port`. */
function requireService(
  ctx: Context,
  path: readonly PathSegment[],
  serverId: string,
  port: number,
  type: ServiceType,
): void {
  if (!requireNode(ctx, [...path, 'server'], serverId)) return;
  const server = ctx.nodeById.get(serverId)!;
  if (server.services.some((s) => s.type === type && s.port === port)) return;
  const has =
    server.services.length === 0
      ? 'it has no services'
      : `its services: ${server.services.map((s) => `${s.type} on port ${s.port}`).join(', ')}`;
  report(ctx, [...path, 'port'], `node ${quote(serverId)} has no ${type} on port ${port} (${has})`);
}

function checkLossRules(ctx: Context): void {
  const linkIds = [...new Set(ctx.scenario.links.map(linkIdOf))];
  ctx.scenario.lossRules.forEach((rule, i) => {
    if (rule.link !== undefined && !linkIds.includes(rule.link)) {
      report(
        ctx,
        ['lossRules', i, 'link'],
        `unknown link ${quote(rule.link)}${unknownNameHint(rule.link, linkIds, 'link ids are', 'there are no links')}`,
      );
    }
    if (rule.from !== undefined) requireNode(ctx, ['lossRules', i, 'from'], rule.from);
    if (rule.to !== undefined) requireNode(ctx, ['lossRules', i, 'to'], rule.to);
  });
}

function checkView(ctx: Context): void {
  const seen = new Map<string, number>();
  ctx.scenario.view.laneOrder?.forEach((id, i) => {
    const path = ['view', 'laneOrder', i];
    if (!requireNode(ctx, path, id)) return;
    const same = seen.get(id);
    if (same === undefined) seen.set(id, i);
    else report(ctx, path, `node ${quote(id)} is already listed at view.laneOrder[${same}] (each lane appears once)`);
  });
}

/** Reports an unknown node id; true when the node exists. */
function requireNode(ctx: Context, path: readonly PathSegment[], id: string): boolean {
  if (ctx.nodeById.has(id)) return true;
  report(ctx, path, `unknown node ${quote(id)}${unknownNameHint(id, ctx.nodeIds, 'nodes are')}`);
  return false;
}

function report(ctx: Context, path: readonly PathSegment[], message: string): void {
  ctx.issues.push({ path, message });
}
