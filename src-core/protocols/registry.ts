/**
 * The registry: every protocol module, in legend and menu order. Adding a
 * protocol is one line here (and its schemas' line in scenario/schema.ts);
 * docs/adding-a-protocol.md shows how.
 */
import { BULK_MODULE } from './bulk/module';
import { DNS_MODULE } from './dns/module';
import { HTTP_MODULE } from './http/module';
import type { AnyActionDefinition, AnyServiceDefinition, ListenerSpec, ProtocolModule } from './module';
import { IMAP_MODULE } from './imap/module';
import { POP3_MODULE } from './pop3/module';
import { SMTP_MODULE } from './smtp/module';
import { SOCKETS_MODULE } from './sockets/module';
import { WEBMAIL_MODULE } from './webmail/module';

export const PROTOCOL_MODULES: readonly ProtocolModule[] = [SOCKETS_MODULE, BULK_MODULE, DNS_MODULE, HTTP_MODULE, SMTP_MODULE, POP3_MODULE, IMAP_MODULE, WEBMAIL_MODULE];

const services = new Map<string, AnyServiceDefinition>();
const actions = new Map<string, AnyActionDefinition>();
for (const m of PROTOCOL_MODULES) {
  for (const s of m.services) services.set(s.type, s);
  for (const a of m.actions) actions.set(a.type, a);
}

/** The definition of a service type (every type of the schema has one; registry.test.ts checks it). */
export function serviceDefinition(type: string): AnyServiceDefinition {
  const d = services.get(type);
  if (!d) throw new Error(`no protocol module defines the service "${type}"`);
  return d;
}

export function actionDefinition(type: string): AnyActionDefinition {
  const d = actions.get(type);
  if (!d) throw new Error(`no protocol module defines the action "${type}"`);
  return d;
}

/** Every socket a service listens on. */
export function listenersOf(service: { readonly type: string }): readonly ListenerSpec[] {
  return serviceDefinition(service.type).listeners(service);
}

export function serviceTypes(): readonly string[] {
  return [...services.keys()];
}

export function actionTypes(): readonly string[] {
  return [...actions.keys()];
}

/** "Local DNS server (resolver) on UDP 53 and TCP 53": a service as the node list names it. */
export function describeService(service: { readonly type: string }): string {
  const d = serviceDefinition(service.type);
  const sockets = d.listeners(service).map((l) => `${l.transport.toUpperCase()} ${l.port}`);
  return sockets.length === 0 ? d.title : `${d.title} on ${sockets.join(' and ')}`;
}
