/**
 * The HTTP/1.x module: the web server (a service) and a page load by a
 * browser (an action), on the protocol seam (docs/adding-a-protocol.md).
 *
 * A browser resolves names through the node's own stub resolver, as an
 * operating system's applications do: an IPv4 address in the URL is used as
 * it is; a name in the node's hosts file is taken from there (the file is
 * read first, as nsswitch's "files dns" order does); any other name is
 * looked up by a DNS stub resolver engine started for it, asking the
 * action's `resolver` (its queries, the answer and the resolution time are
 * DNS's own trace). A host with a name service of its own
 * (NodeContext.nameService: `l7 serve`'s --origin table) answers alone.
 * The glue is here: the browser (or the proxy cache) emits
 * http.resolveNeeded and gets a `resolved` command back.
 */
import type { Engine } from '../../engine/face';
import { parseIpv4 } from '../../net/ipv4';
import { quote } from '../../scenario/describe-value';
import type { PathSegment } from '../../scenario/errors';
import { ms } from '../../sim/time';
import { PROTOCOL as DNS_PROTOCOL, type DnsEvent, type DnsStateData } from '../dns/events';
import { reportDns } from '../dns/report';
import { StubResolver, type LookupCommand } from '../dns/stub-engine';
import { DNS_TYPE } from '../dns/constants';
import type { ActionDefinition, DrivenEngine, EngineBinding, NodeContext, ProtocolModule, ReferenceChecks, ServiceDefinition } from '../module';
import { BrowserEngine, type BrowserCommand } from './browser';
import { parseHttpUrl } from './browser-request';
import { browserStoreOf } from './browser-store';
import { dissectHttp } from './dissect';
import { HTTP_STATE_TYPES, PROTOCOL, type HttpEvent, type HttpStateData } from './events';
import { pageLength } from './objects';
import { reportHttp } from './report';
import { PopulationEngine } from './population';
import { HttpProxyEngine } from './proxy';
import type { HttpBrowseAction, HttpPopulationAction, HttpProxyService, HttpRequestAction, HttpServerService } from './schema';
import { HttpServerEngine } from './server';

/** How long the browser's stub resolver waits for each answer (its three tries), as the DNS lookup action's default. */
const LOOKUP_TIMEOUT_MS = 2000;

function binding<C>(engine: Engine<HttpEvent, C>, name: string): EngineBinding<HttpEvent, C, HttpStateData> {
  return { engine, protocol: PROTOCOL, name, report: reportHttp };
}

const server: ServiceDefinition<HttpServerService> = {
  type: 'http-server',
  title: 'Web server',
  properties: [
    { field: 'port', label: 'Port', help: 'The TCP port it listens on (80 for http://).' },
    { field: 'objects', label: 'Objects', help: 'What it serves, by path: a size, a text, or a page that references other objects.' },
    { field: 'keepAliveTimeoutMs', label: 'Keep-alive timeout', help: 'A persistent connection idle this long is closed by the server.', unit: 'ms' },
    { field: 'cookie', label: 'Cookie', help: 'Give each new visitor an id in a Set-Cookie and keep a row per visitor in the site\'s back-end.' },
  ],
  listeners: (s) => [{ transport: 'tcp', port: s.port }],
  start(ctx, s) {
    ctx.drive(binding(new HttpServerEngine(ctx.env, { port: s.port, objects: s.objects, keepAliveTimeout: ms(s.keepAliveTimeoutMs), cookie: s.cookie }), 'web server'));
  },
  check: checkServer,
};

/** Each path once; a body given one way (content, or a size with or without embeds); a generated page no longer than its size. */
function checkServer(s: HttpServerService, path: readonly PathSegment[], refs: ReferenceChecks): void {
  const seen = new Map<string, number>();
  s.objects.forEach((o, i) => {
    const at = [...path, 'objects', i];
    const first = seen.get(o.path);
    if (first !== undefined) refs.report([...at, 'path'], `${quote(o.path)} is served already (objects[${first}])`);
    seen.set(o.path, i);
    if (o.content !== undefined && (o.size !== undefined || o.embeds !== undefined)) {
      refs.report([...at, 'content'], 'an object has a content, or a size (and embeds), not both: its body is the content as written');
    }
    if (o.embeds !== undefined && o.size !== undefined) {
      const length = pageLength(o);
      if (o.size < length) refs.report([...at, 'size'], `expected at least ${length} (bytes): the page that references its ${o.embeds.length} objects is that long`);
    }
    if (o.content === undefined && o.size === undefined && o.embeds === undefined && o.redirect === undefined) {
      refs.report(at, 'missing property "size": give the body\'s size in bytes, a "content", or "embeds" for a page');
    }
  });
}

const browse: ActionDefinition<HttpBrowseAction> = {
  type: 'http-browse',
  title: 'Load a web page',
  properties: [
    { field: 'url', label: 'URL', help: 'The page: http://host/path, the host an address, a name in the hosts file or one the DNS server knows.' },
    { field: 'resolver', label: 'Local DNS server', help: 'Asked for host names that are not in the hosts file.' },
    { field: 'proxy', label: 'Proxy', help: 'A proxy cache to send every request to (it finds the servers itself).' },
    { field: 'mode', label: 'HTTP mode', help: 'Non-persistent (HTTP/1.0, a connection per object), persistent (HTTP/1.1) or persistent with pipelining.' },
    { field: 'maxConnections', label: 'Parallel connections', help: 'How many connections the browser opens to one server at a time.' },
  ],
  check: checkBrowse,
  run(ctx, a) {
    const browser = ctx.drive(binding(new BrowserEngine(ctx.env, browserStoreOf(ctx.slots)), 'web browser'));
    browser.onEvent((event) => {
      if (event.type === 'http.resolveNeeded') resolveFor(ctx, a, browser, event.host);
    });
    browser.command({ kind: 'browse', url: a.url, mode: a.mode, maxConnections: a.maxConnections, proxy: proxyOf(ctx, a.proxy) });
  },
};

const proxy: ServiceDefinition<HttpProxyService> = {
  type: 'http-proxy',
  title: 'Proxy cache',
  properties: [
    { field: 'port', label: 'Port', help: 'The TCP port browsers send their requests to.' },
    { field: 'cache', label: 'Cache', help: 'Keep copies of what may be shared (RFC 9111), and answer from them while fresh.' },
    { field: 'resolver', label: 'Local DNS server', help: 'Asked for the servers\' names that are not in this node\'s hosts file.' },
    { field: 'keepAliveTimeoutMs', label: 'Keep-alive timeout', help: 'A connection to a server idle this long is closed.', unit: 'ms' },
  ],
  listeners: (s) => [{ transport: 'tcp', port: s.port }],
  check: (s, path, refs) => {
    if (s.resolver !== undefined) refs.requireServiceType([...path, 'resolver'], s.resolver, ['dns-resolver', 'dns-server'], 'a DNS server is needed here');
  },
  start(ctx, s) {
    const node = ctx.scenario.nodes.find((n) => n.id === ctx.nodeId);
    const engine = ctx.drive(binding(new HttpProxyEngine(ctx.env, { port: s.port, name: node?.name ?? ctx.nodeId, cache: s.cache, keepAliveTimeout: ms(s.keepAliveTimeoutMs) }), 'proxy cache'));
    engine.onEvent((event) => {
      if (event.type === 'http.resolveNeeded') resolveFor(ctx, { node: ctx.nodeId, resolver: s.resolver }, engine, event.host);
    });
  },
};

const population: ActionDefinition<HttpPopulationAction> = {
  type: 'http-population',
  title: 'Many users\' requests (Poisson arrivals)',
  properties: [
    { field: 'urls', label: 'Objects', help: 'The URLs asked for, one picked at random for each request.' },
    { field: 'ratePerSecond', label: 'Request rate', help: 'Requests per second on average; the gaps between them are random (a Poisson process).', unit: 'requests/s' },
    { field: 'count', label: 'Requests', help: 'How many requests are made in all.' },
    { field: 'proxy', label: 'Proxy', help: 'A proxy cache to send every request to; without one, each goes to its origin.' },
  ],
  check(a, path, refs) {
    if (a.proxy !== undefined) {
      refs.requireServiceType([...path, 'proxy'], a.proxy, ['http-proxy'], 'a proxy cache is needed here');
      return;
    }
    const hosts = refs.node(a.node)?.hostsFile ?? [];
    a.urls.forEach((u, i) => {
      const url = parseHttpUrl(u);
      if (!url) refs.report([...path, 'urls', i], `expected an http:// URL, got ${quote(u)}`);
      else if (parseIpv4(url.host) === null && !hosts.some((h) => h.name.toLowerCase() === url.host)) {
        refs.report([...path, 'urls', i], `${quote(url.host)} is not an address and not in the hosts file of ${quote(a.node)} (a population asks no DNS): add it there, or name a "proxy"`);
      }
    });
  },
  run(ctx, a) {
    const via = proxyOf(ctx, a.proxy);
    const hosts = ctx.scenario.nodes.find((n) => n.id === a.node)?.hostsFile ?? [];
    const targets = a.urls.flatMap((u) => {
      const url = parseHttpUrl(u);
      if (!url) return [];
      if (via) return [{ url, to: via, viaProxy: true }];
      const address = parseIpv4(url.host) ?? parseIpv4(hosts.find((h) => h.name.toLowerCase() === url.host)?.address ?? '');
      return address === null ? [] : [{ url, to: { addr: address, port: url.port }, viaProxy: false }];
    });
    ctx.drive(binding(new PopulationEngine(ctx.env), 'population of users')).command({ targets, rate: a.ratePerSecond, count: a.count });
  },
};

const FORM_TYPE = 'application/x-www-form-urlencoded';

/** The form's fields urlencoded (WHATWG URLSearchParams: what a browser sends for an HTML form). */
function formText(form: readonly { readonly name: string; readonly value: string }[]): string {
  return new URLSearchParams(form.map((f): [string, string] => [f.name, f.value])).toString();
}

const request: ActionDefinition<HttpRequestAction> = {
  type: 'http-request',
  title: 'Send an HTTP request',
  properties: [
    { field: 'url', label: 'URL', help: 'http://host/path, as for a page load.' },
    { field: 'resolver', label: 'Local DNS server', help: 'Asked for host names that are not in the hosts file.' },
    { field: 'proxy', label: 'Proxy', help: 'A proxy cache to send the request to.' },
    { field: 'method', label: 'Method', help: 'GET, HEAD, POST, PUT, DELETE, OPTIONS or PATCH.' },
    { field: 'form', label: 'Form fields', help: 'Sent after "?" in the URL with GET and HEAD, as the body with POST (application/x-www-form-urlencoded).' },
    { field: 'body', label: 'Body', help: 'A text sent as the body (a file to PUT), instead of form fields.' },
    { field: 'contentType', label: 'Content type', help: 'The body\'s media type.' },
  ],
  check(a, path, refs) {
    checkBrowse({ ...a, mode: 'persistent', maxConnections: 1, type: 'http-browse' }, path, refs);
    if (a.form !== undefined && a.body !== undefined) refs.report([...path, 'body'], 'a request has form fields or a body, not both');
    if ((a.method === 'GET' || a.method === 'HEAD') && a.body !== undefined) refs.report([...path, 'body'], `a ${a.method} request has no body (RFC 9110 §9.3.1): give form fields, which go after "?"`);
  },
  run(ctx, a) {
    const browser = ctx.drive(binding(new BrowserEngine(ctx.env, browserStoreOf(ctx.slots)), 'web browser'));
    browser.onEvent((event) => {
      if (event.type === 'http.resolveNeeded') resolveFor(ctx, a, browser, event.host);
    });
    const inQuery = a.method === 'GET' || a.method === 'HEAD';
    const form = a.form === undefined ? null : formText(a.form);
    const url = form !== null && inQuery ? `${a.url}${a.url.includes('?') ? '&' : '?'}${form}` : a.url;
    const text = form !== null && !inQuery ? form : (a.body ?? '');
    const contentType = form !== null && !inQuery ? FORM_TYPE : a.body !== undefined ? (a.contentType ?? 'text/plain; charset=utf-8') : null;
    browser.command({ kind: 'request', url, method: a.method, body: new TextEncoder().encode(text), contentType, proxy: proxyOf(ctx, a.proxy) });
  },
};

/** The address and port of the http-proxy on node `id`, or null without a proxy. */
function proxyOf(ctx: NodeContext, id: string | undefined): { addr: number; port: number } | null {
  if (id === undefined) return null;
  const service = ctx.scenario.nodes.find((n) => n.id === id)?.services.find((s) => s.type === 'http-proxy');
  if (!service || service.type !== 'http-proxy') throw new Error(`node ${id} runs no http-proxy (checkBrowse refuses it)`);
  return { addr: ctx.addressOf(id), port: service.port };
}

/** The URL is an http URL whose host can be resolved: an address, a hosts-file name, or a resolver to ask (or a proxy, which resolves it). */
function checkBrowse(a: HttpBrowseAction, path: readonly PathSegment[], refs: ReferenceChecks): void {
  const url = parseHttpUrl(a.url);
  if (!url) {
    refs.report([...path, 'url'], `expected an http:// URL, got ${quote(a.url)}`);
    return;
  }
  if (a.proxy !== undefined) {
    refs.requireServiceType([...path, 'proxy'], a.proxy, ['http-proxy'], 'a proxy cache is needed here');
    return;
  }
  if (a.resolver !== undefined) refs.requireServiceType([...path, 'resolver'], a.resolver, ['dns-resolver', 'dns-server'], 'a DNS server is needed here');
  const inHosts = (refs.node(a.node)?.hostsFile ?? []).some((h) => h.name.toLowerCase() === url.host);
  if (parseIpv4(url.host) === null && !inHosts && a.resolver === undefined) {
    refs.report([...path, 'url'], `${quote(url.host)} is not an address and not in the hosts file of ${quote(a.node)}: add it there, or name a "resolver" to ask`);
  }
}

/** Answers the browser's question for `host`: the host's own name service where it has one, else the hosts file, else a stub resolver asking the action's resolver. */
function resolveFor(ctx: NodeContext, a: { readonly node: string; readonly resolver?: string | undefined }, browser: DrivenEngine<Extract<BrowserCommand, { kind: 'resolved' }>, HttpEvent>, host: string): void {
  if (ctx.nameService) {
    const { address, reason } = ctx.nameService(host);
    browser.command({ kind: 'resolved', host, address, reason, cause: null });
    return;
  }
  const hostsFile = ctx.scenario.nodes.find((n) => n.id === a.node)?.hostsFile ?? [];
  const entry = hostsFile.find((h) => h.name.toLowerCase() === host);
  if (entry) {
    browser.command({ kind: 'resolved', host, address: parseIpv4(entry.address), reason: '', cause: null });
    return;
  }
  if (a.resolver === undefined) {
    browser.command({ kind: 'resolved', host, address: null, reason: 'not in the hosts file, and no DNS server to ask', cause: null });
    return;
  }
  const stub = ctx.drive<DnsEvent, LookupCommand, DnsStateData>({ engine: new StubResolver(ctx.env), protocol: DNS_PROTOCOL, name: 'stub resolver', report: reportDns });
  stub.onEvent((e) => {
    if (e.type === 'dns.answered') {
      const address = e.addresses[0];
      browser.command({ kind: 'resolved', host, address: address === undefined ? null : parseIpv4(address), reason: address === undefined ? `the DNS answer has no address (rcode ${e.rcode})` : '', cause: e.cause });
    } else if (e.type === 'dns.answeredFromHosts') {
      browser.command({ kind: 'resolved', host, address: parseIpv4(e.address), reason: '', cause: null });
    } else if (e.type === 'dns.lookupFailed') {
      browser.command({ kind: 'resolved', host, address: null, reason: e.summary, cause: null });
    }
  });
  stub.command({ server: ctx.addressOf(a.resolver), name: host, qtype: DNS_TYPE.A, timeout: ms(LOOKUP_TIMEOUT_MS), hostsFile: [] });
}

export const HTTP_MODULE: ProtocolModule = {
  protocol: PROTOCOL,
  title: 'HTTP',
  services: [server, proxy],
  actions: [browse, request, population],
  dissector: dissectHttp,
  isAnswer: (summary) => summary.startsWith('HTTP/'),
  colors: ['#00796b', '#6fd6c6'],
  stateTypes: HTTP_STATE_TYPES,
  lessons: ['http-messages', 'http-non-persistent', 'http-persistent', 'http-cookies', 'http-browser-cache', 'http-proxy-cache', 'http-access-link', 'http-access-link-cache'],
  presets: [
    { id: 'proxy-cache', label: 'Proxy cache', short: 'Proxy cache', kind: 'host', services: [{ type: 'http-proxy', port: 3128 }] },
    {
      id: 'web-server',
      label: 'Web server',
      short: 'Web server',
      kind: 'host',
      services: [
        {
          type: 'http-server',
          port: 80,
          objects: [
            { path: '/index.html', embeds: ['/logo.png', '/photo.jpg'] },
            { path: '/logo.png', size: 2000 },
            { path: '/photo.jpg', size: 20000 },
          ],
        },
      ],
    },
  ],
};
