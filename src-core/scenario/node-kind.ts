/**
 * What a node is called and drawn as, everywhere a view names its kind (the
 * topology drawing, its legend, the node list): a router is a router; a host
 * running any service (a DNS server, an upper-case server, a bulk sink …) is
 * a "server"; any other host is a "host". The scenario's own `kind` only
 * tells routers from hosts.
 */
export type NodeDisplayKind = 'host' | 'server' | 'router';

export function displayKind(node: { readonly kind: 'host' | 'router'; readonly services: readonly unknown[] }): NodeDisplayKind {
  if (node.kind === 'router') return 'router';
  return node.services.length > 0 ? 'server' : 'host';
}
