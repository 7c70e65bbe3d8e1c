// The authoritative server at the end of a CNAME chain (RFC 1034 §4.3.2,
// RFC 6604 §3): the RCODE is that of the chain's last name — NXDOMAIN when it
// does not exist in the zone, NOERROR with the SOA when it has no data of the
// type — and the chain stops at a name outside the zone or below one of its
// cuts, for the resolver to go on from. Replies are read by dns-packet too.
import dnsPacket from 'dns-packet';
import { describe, expect, it } from 'vitest';
import { encodeDns } from './codec';
import { DNS_RCODE, DNS_TYPE } from './constants';
import { AuthoritativeServer, type ServerReply } from './server';
import { L7SIG_TYPE } from './sign';
import { ALIAS_ZONE } from './zones.test-helper';

function ask(server: AuthoritativeServer, name: string, type: number): ServerReply {
  const q = encodeDns({ header: { id: 3, qr: false, opcode: 0, aa: false, tc: false, rd: false, ra: false, z: 0, rcode: 0 }, questions: [{ name, type, class: 1 }], answers: [], authorities: [], additionals: [] });
  const reply = server.handleQuery(q)!;
  const theirs = dnsPacket.decode(Buffer.from(reply.bytes));
  expect((theirs.answers ?? []).length).toBe(reply.message.answers.length);
  expect((theirs.authorities ?? []).length).toBe(reply.message.authorities.length);
  return reply;
}

const chainOf = (r: ServerReply) => r.message.answers.map((a) => `${a.name} ${a.data.type === 'CNAME' ? `CNAME ${a.data.host}` : a.data.type}`);
const authorityOf = (r: ServerReply) => r.message.authorities.map((a) => `${a.name} ${a.data.type} ${a.ttl}`);

describe('AuthoritativeServer: the end of a CNAME chain', () => {
  const server = new AuthoritativeServer([ALIAS_ZONE]);

  it('says NXDOMAIN, with the chain and the SOA, when the last name does not exist in the zone (RFC 6604 §3)', () => {
    const r = ask(server, 'dangling.example.com', DNS_TYPE.A);
    expect(r.outcome).toBe('nxdomain');
    expect(r.message.header).toMatchObject({ rcode: DNS_RCODE.NXDOMAIN, aa: true });
    expect(chainOf(r)).toEqual(['dangling.example.com CNAME gone.example.com']);
    expect(authorityOf(r)).toEqual(['example.com SOA 300']);
    const two = ask(server, 'twice.example.com', DNS_TYPE.A);
    expect(two.message.header.rcode).toBe(DNS_RCODE.NXDOMAIN);
    expect(chainOf(two)).toEqual(['twice.example.com CNAME dangling.example.com', 'dangling.example.com CNAME gone.example.com']);
  });

  it('says NOERROR with the chain and the SOA when the last name has no data of the type (NODATA, RFC 2308 §2.2)', () => {
    const r = ask(server, 'web.example.com', DNS_TYPE.AAAA);
    expect(r.outcome).toBe('nodata');
    expect(r.message.header).toMatchObject({ rcode: DNS_RCODE.NOERROR, aa: true });
    expect(chainOf(r)).toEqual(['web.example.com CNAME www.example.com']);
    expect(authorityOf(r)).toEqual(['example.com SOA 300']);
  });

  it('still answers a CNAME question with the CNAME, and a chain that ends in data with the data', () => {
    expect(chainOf(ask(server, 'dangling.example.com', DNS_TYPE.CNAME))).toEqual(['dangling.example.com CNAME gone.example.com']);
    expect(ask(server, 'dangling.example.com', DNS_TYPE.CNAME).message.header.rcode).toBe(DNS_RCODE.NOERROR);
    expect(chainOf(ask(server, 'web.example.com', DNS_TYPE.A))).toEqual(['web.example.com CNAME www.example.com', 'www.example.com A', 'www.example.com A', 'www.example.com A']);
  });

  it('stops at a name below a zone cut: neither NXDOMAIN nor the glue as an answer', () => {
    const below = ask(server, 'delegated.example.com', DNS_TYPE.A);
    expect(below.message.header.rcode).toBe(DNS_RCODE.NOERROR);
    expect(chainOf(below)).toEqual(['delegated.example.com CNAME host.sub.example.com']);
    expect(below.message.authorities).toEqual([]);
    const glue = ask(server, 'to-glue.example.com', DNS_TYPE.A);
    expect(chainOf(glue)).toEqual(['to-glue.example.com CNAME ns.sub.example.com']);
  });

  it('signs the chain of a negative answer in a signed zone, so a validating resolver can take it', () => {
    const signed = new AuthoritativeServer([{ ...ALIAS_ZONE, signingKey: 'k' }]);
    const r = ask(signed, 'dangling.example.com', DNS_TYPE.A);
    expect(r.message.header.rcode).toBe(DNS_RCODE.NXDOMAIN);
    expect(r.message.answers.map((a) => (a.data.type === 'unknown' ? a.data.code : a.data.type))).toEqual(['CNAME', L7SIG_TYPE]);
  });
});
