/**
 * Authoritative data and the lookup an authoritative server performs
 * (RFC 1034 §4.3.2, steps 3a–3c, without wildcards):
 *
 * 1. Below the zone's origin, a name with NS records (other than the origin)
 *    is a zone cut: the answer is a referral — the NS records in the
 *    authority section and their addresses ("glue") in the additional
 *    section, not authoritative.
 * 2. Else, if the name has records of the asked type: the answer,
 *    authoritative. A CNAME is followed within the zone (§4.3.2 step 3a),
 *    each target looked up as in steps 1–4, except that a target outside
 *    the zone or at or below one of its cuts ends the answer with the chain
 *    so far: the resolver goes on from there (the glue of a cut is no
 *    answer either). MX and NS answers bring the target hosts' addresses
 *    as additional records (RFC 1035 §3.3.9, §3.3.11).
 * 3. Else, if the name exists: NODATA — no answer, the SOA in the authority
 *    section (RFC 2308 §2.2).
 * 4. Else: NXDOMAIN with the SOA (RFC 2308 §2.1).
 *
 * At the end of a CNAME chain, steps 3 and 4 speak of the chain's last
 * name, and the chain stays in the answer: the RCODE is that of the last
 * name (RFC 6604 §3), so a CNAME to a name the zone does not hold is
 * NXDOMAIN (RFC 2308 §2.1 shows such answers), one to a name without data
 * of the type NOERROR with the SOA.
 *
 * QTYPE ANY gets one RRset, not every record of the name (RFC 8482 §4.1):
 * the RRset of the name's first record in zone order, found like any other
 * type in step 2 (a CNAME, alone at its name, is that RRset and is not
 * followed). We do not synthesize HINFO (§4.2): one real RRset shows the
 * student real data, and it is small, which is the point of RFC 8482 (a
 * full ANY answer is what amplification attacks ask for). UDP and TCP get
 * the same answer, though RFC 8482 would let a server give the full set
 * over TCP.
 *
 * In both negative answers the SOA's TTL is min(SOA TTL, SOA MINIMUM)
 * (RFC 2308 §3): how long the "no" may be cached.
 */
import { DNS_QTYPE, DNS_TYPE } from './constants';
import { canonicalName, isInZone, namesBelow } from './names';
import { recordTypeCode, type DnsRecord } from './types';

export interface Zone {
  /** The zone's apex, e.g. "example.com"; "" for the root zone. */
  readonly origin: string;
  readonly records: readonly DnsRecord[];
  /** When set, answers from this zone carry signatures made with this key (sign.ts). */
  readonly signingKey?: string;
}

export type ZoneAnswer =
  | { readonly kind: 'answer'; readonly answers: DnsRecord[]; readonly additionals: DnsRecord[] }
  | { readonly kind: 'referral'; readonly authorities: DnsRecord[]; readonly additionals: DnsRecord[] }
  /** `answers`: the CNAME chain that led to the name without data, if any. */
  | { readonly kind: 'nodata'; readonly answers: DnsRecord[]; readonly authorities: DnsRecord[] }
  /** `answers`: the CNAME chain that led to the name that does not exist, if any (RFC 6604 §3). */
  | { readonly kind: 'nxdomain'; readonly answers: DnsRecord[]; readonly authorities: DnsRecord[] };

/** CNAMEs followed within one zone at most (a loop guard). */
const MAX_CHAIN = 8;

export class ZoneData {
  readonly origin: string;
  readonly signingKey: string | undefined;
  private readonly byName = new Map<string, DnsRecord[]>();

  constructor(zone: Zone) {
    this.origin = canonicalName(zone.origin);
    this.signingKey = zone.signingKey;
    for (const r of zone.records) {
      const key = canonicalName(r.name);
      (this.byName.get(key) ?? this.byName.set(key, []).get(key)!).push(r);
    }
  }

  contains(name: string): boolean {
    return isInZone(name, this.origin);
  }

  records(name: string, type?: number): DnsRecord[] {
    const all = this.byName.get(canonicalName(name)) ?? [];
    return type === undefined ? all : all.filter((r) => recordTypeCode(r.data) === type);
  }

  /**
   * The zone administrator's edit: the records of `name` and `type` become
   * `records` (none deletes the set), and the SOA serial goes up by one, in
   * serial-number arithmetic modulo 2^32 (RFC 1982 §3.1), so secondaries
   * would see the change (RFC 1035 §4.3.5). Returns the new serial, or null
   * when the zone has no SOA.
   */
  replaceRecords(name: string, type: number, records: readonly DnsRecord[]): number | null {
    const key = canonicalName(name);
    const kept = (this.byName.get(key) ?? []).filter((r) => recordTypeCode(r.data) !== type);
    const next = [...kept, ...records];
    if (next.length === 0) this.byName.delete(key);
    else this.byName.set(key, next);
    return this.bumpSerial();
  }

  private bumpSerial(): number | null {
    const soa = this.soa;
    if (!soa || soa.data.type !== 'SOA') return null;
    const serial = (soa.data.serial + 1) % 2 ** 32;
    const updated: DnsRecord = { ...soa, data: { ...soa.data, serial } };
    const key = canonicalName(soa.name);
    this.byName.set(key, this.byName.get(key)!.map((r) => (r === soa ? updated : r)));
    return serial;
  }

  get soa(): DnsRecord | undefined {
    return this.records(this.origin, DNS_TYPE.SOA)[0];
  }

  /** Addresses the zone holds for a host (glue or in-zone data). */
  addresses(host: string): DnsRecord[] {
    return [...this.records(host, DNS_TYPE.A), ...this.records(host, DNS_TYPE.AAAA)];
  }

  lookup(qname: string, qtype: number): ZoneAnswer {
    const cut = this.cutAbove(qname);
    if (cut !== undefined) {
      const ns = this.records(cut, DNS_TYPE.NS);
      const glue = ns.flatMap((r) => (r.data.type === 'NS' ? this.addresses(r.data.host) : []));
      return { kind: 'referral', authorities: ns, additionals: glue };
    }
    const chain: DnsRecord[] = [];
    let name = qname;
    for (let hops = 0; hops < MAX_CHAIN; hops++) {
      const exact = qtype === DNS_QTYPE.ANY ? this.firstRRset(name) : this.records(name, qtype);
      if (exact.length > 0) return { kind: 'answer', answers: [...chain, ...exact], additionals: this.additionalsFor(exact) };
      const cname = qtype === DNS_TYPE.CNAME ? [] : this.records(name, DNS_TYPE.CNAME);
      if (cname.length === 0 || cname[0]!.data.type !== 'CNAME') {
        // No data at the last name: the RCODE is that of this name (RFC 6604 §3), the chain stays in the answer.
        const soa = this.negativeSoa();
        return this.exists(name) ? { kind: 'nodata', answers: chain, authorities: soa } : { kind: 'nxdomain', answers: chain, authorities: soa };
      }
      chain.push(cname[0]!);
      name = cname[0]!.data.host;
      // The alias points outside this zone or into a delegated one: the resolver continues from there (RFC 1034 §4.3.2 3a).
      if (!this.contains(name) || this.cutAbove(name) !== undefined) break;
    }
    // Left the zone, or a chain longer than MAX_CHAIN (a loop): the chain so far.
    return { kind: 'answer', answers: chain, additionals: [] };
  }

  /** The zone cut at or above `name` inside this zone (a name below the origin with NS records), if any. */
  private cutAbove(name: string): string | undefined {
    return namesBelow(name, this.origin).find((n) => this.records(n, DNS_TYPE.NS).length > 0);
  }

  /** A name exists when it has records or names below it (an empty non-terminal, RFC 8020). */
  private exists(name: string): boolean {
    return this.byName.has(canonicalName(name)) || this.hasNamesBelow(name);
  }

  /** The RRset of the name's first record in zone order: the whole answer to QTYPE ANY (RFC 8482 §4.1). */
  private firstRRset(name: string): DnsRecord[] {
    const all = this.records(name);
    if (all.length === 0) return [];
    const type = recordTypeCode(all[0]!.data);
    return all.filter((r) => recordTypeCode(r.data) === type);
  }

  /**
   * The SOA that goes with a negative answer: its TTL is the smaller of the
   * record's own TTL and its MINIMUM field, the time a resolver may cache
   * the negative answer (RFC 2308 §3).
   */
  private negativeSoa(): DnsRecord[] {
    const soa = this.soa;
    if (!soa || soa.data.type !== 'SOA') return [];
    return [{ ...soa, ttl: Math.min(soa.ttl, soa.data.minimum) }];
  }

  private hasNamesBelow(name: string): boolean {
    const n = canonicalName(name);
    for (const key of this.byName.keys()) if (key !== n && isInZone(key, n)) return true; // an empty non-terminal exists (RFC 8020)
    return false;
  }

  private additionalsFor(records: readonly DnsRecord[]): DnsRecord[] {
    return records.flatMap((r) => (r.data.type === 'MX' ? this.addresses(r.data.exchange) : r.data.type === 'NS' ? this.addresses(r.data.host) : []));
  }
}
