/**
 * Cross-reference checks, run once the shape is valid. Each rule reports the
 * JSON path of the value at fault:
 * - node ids unique; addresses unique;
 * - a node's services never share a listener (transport protocol and port),
 *   counting every listener of each service (DNS listens on UDP and TCP 53);
 * - link ends exist and differ; at most one link per pair of nodes; link ids
 *   unique, counting the default ids of links without one (resolve.ts);
 * - an action's node exists and is a host;
 * - each service's and action's own fields, by the protocol module that
 *   defines it (its `check`, protocols/<name>/module.ts);
 * - loss rules name existing links and nodes;
 * - view.laneOrder names existing nodes, each once;
 * - the guide's patterns and formulas (lessons/guide-check.ts; its
 *   references to nodes and parameters are warnings, shown by the lesson panel).
 */
import type { ReferenceChecks } from '../protocols/module';
import { actionDefinition, listenersOf, serviceDefinition } from '../protocols/registry';
import { quote } from './describe-value';
import type { PathIssue, PathSegment } from './errors';
import type { ParsedScenario, ScenarioNode } from './schema';
import { linkIdOf } from './resolve';
import { checkGuide } from '../lessons/guide-check';
import { unknownNameHint } from './suggest';

interface Context {
  readonly scenario: ParsedScenario;
  readonly nodeById: ReadonlyMap<string, ScenarioNode>;
  readonly nodeIds: readonly string[];
  readonly issues: PathIssue[];
}

/** The checks modules may ask for, bound to one scenario's context. */
function referenceChecks(ctx: Context): ReferenceChecks {
  return {
    scenario: ctx.scenario,
    node: (id) => ctx.nodeById.get(id),
    requireNode: (path, id) => requireNode(ctx, path, id),
    requireServiceType(path, id, types, why) {
      if (!requireNode(ctx, path, id)) return;
      const node = ctx.nodeById.get(id)!;
      if (node.services.some((s) => types.includes(s.type))) return;
      report(ctx, path, `node ${quote(id)} runs no ${types.join(' or ')} (${why})`);
    },
    requireServiceOnPort: (path, id, port, type) => requireService(ctx, path, id, port, type),
    report: (path, message) => report(ctx, path, message),
  };
}

/** Each service's own checks, by its module. */
function checkServices(ctx: Context, refs: ReferenceChecks): void {
  ctx.scenario.nodes.forEach((node, i) => {
    node.services.forEach((service, j) => serviceDefinition(service.type).check?.(service, ['nodes', i, 'services', j], refs));
  });
}

export function checkReferences(scenario: ParsedScenario): PathIssue[] {
  const nodeById = new Map<string, ScenarioNode>();
  for (const node of scenario.nodes) if (!nodeById.has(node.id)) nodeById.set(node.id, node);
  const ctx: Context = { scenario, nodeById, nodeIds: [...nodeById.keys()], issues: [] };
  const refs = referenceChecks(ctx);
  checkNodes(ctx);
  checkServices(ctx, refs);
  checkLinks(ctx);
  checkWorkload(ctx, refs);
  checkLossRules(ctx);
  checkView(ctx);
  if (scenario.guide !== undefined) {
    const withLinkIds = { ...scenario, links: scenario.links.map((l) => ({ ...l, id: linkIdOf(l) })) };
    // references to the rest of the scenario are the lesson panel's warnings, not errors (guide-check.ts)
    checkGuide({ scenario: withLinkIds, nodeIds: new Set(ctx.nodeIds), report: (path, message) => report(ctx, path, message), warn: () => undefined }, ['guide'], scenario.guide);
  }
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

    // Key "udp/53": one listener per transport protocol and port, over every listener of every service.
    const firstOnPort = new Map<string, number>();
    node.services.forEach((service, j) => {
      for (const listener of listenersOf(service)) {
        const key = `${listener.transport}/${listener.port}`;
        const same = firstOnPort.get(key);
        if (same === undefined) firstOnPort.set(key, j);
        else if (same !== j) {
          const other = node.services[same]!;
          report(ctx, ['nodes', i, 'services', j, 'port'], `port ${key} is already used on node ${quote(node.id)} by services[${same}] (${other.type})`);
        }
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

function checkWorkload(ctx: Context, refs: ReferenceChecks): void {
  ctx.scenario.workload.forEach((action, i) => {
    const path = ['workload', i] as const;
    if (requireNode(ctx, [...path, 'node'], action.node)) {
      const node = ctx.nodeById.get(action.node)!;
      if (node.kind !== 'host') {
        report(ctx, [...path, 'node'], `expected a host, got ${node.kind} ${quote(node.id)} (actions are performed by hosts)`);
      }
    }
    actionDefinition(action.type).check?.(action, path, refs);
  });
}

/** The node `serverId` exists and has a service of `type` on `port`. */
function requireService(
  ctx: Context,
  path: readonly PathSegment[],
  serverId: string,
  port: number,
  type: string,
): void {
  if (!requireNode(ctx, [...path, 'server'], serverId)) return;
  const server = ctx.nodeById.get(serverId)!;
  if (server.services.some((s) => s.type === type && s.port === port)) return;
  const has =
    server.services.length === 0
      ? 'it has no services'
      : `its services: ${server.services.map((s) => `${s.type} on port ${s.port}`).join(', ')}`;
  // No such service at all: the server is wrong (the editor then offers another); one on another port: the port is.
  const where = server.services.some((s) => s.type === type) ? 'port' : 'server';
  report(ctx, [...path, where], `node ${quote(serverId)} has no ${type} on port ${port} (${has})`);
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
