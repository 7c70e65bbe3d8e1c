/**
 * The administrator of a name server changes a record set (say, moves
 * www.example.com to a new address). The server answers with the new data at
 * once, but resolvers that cached the old records keep answering with them
 * until their TTL runs out (RFC 1034 §3.6, Kurose & Ross §2.4.3 "DNS
 * caching": cached entries may be out of date). The edit is a state event on
 * the server's lane, so the chart shows when the data changed.
 */
import { HostSlot } from '../../host/host-slot';
import type { NodeContext } from '../module';
import { PROTOCOL, type DnsStateData } from './events';
import type { AuthoritativeServer } from './server';
import { typeName } from './constants';
import { describeData } from './dissect';
import { displayName } from './names';
import type { DnsRecord } from './types';

/** The authoritative data of the name servers running on a host, for the administrator's edits. */
export const ZONE_SERVERS = new HostSlot<AuthoritativeServer>('dns zone servers');

export interface ZoneEdit {
  readonly name: string;
  /** Record type code (DNS_TYPE). */
  readonly type: number;
  /** The new record set; empty deletes it. */
  readonly records: readonly DnsRecord[];
}

export function runZoneEdit(ctx: NodeContext, edit: ZoneEdit): void {
  const what = `${displayName(edit.name)} ${typeName(edit.type)}`;
  const reporter = ctx.reporter<DnsStateData>(PROTOCOL);
  for (const server of ctx.slots.all(ZONE_SERVERS)) {
    const done = server.editZone(edit.name, edit.type, edit.records);
    if (!done) continue;
    const values = edit.records.map(valueText);
    const change = values.length === 0 ? 'deleted' : `now ${values.join(', ')}`;
    const serial = done.serial === null ? '' : ` (serial ${done.serial})`;
    reporter.state('dns.zoneEdited', {
      summary: `zone ${displayName(done.origin)} edited: ${what} ${change}${serial}`,
      data: { zone: displayName(done.origin), name: edit.name, type: typeName(edit.type), records: values, serial: done.serial },
    });
    return;
  }
  // The scenario loader checks that the node serves a zone holding the name; this is for engines driven directly.
  reporter.state('dns.zoneEditFailed', { summary: `no zone on this host holds ${what}`, data: { name: edit.name, type: typeName(edit.type) } });
}

/** "10.0.0.81 (TTL 30 s)": the address alone for A and AAAA, the dissector's wording otherwise. */
function valueText(r: DnsRecord): string {
  const value = r.data.type === 'A' || r.data.type === 'AAAA' ? r.data.address : describeData(r);
  return `${value} (TTL ${r.ttl} s)`;
}
