// Oracle: ISC dig (Debian dnsutils) queries our authoritative server engine
// over a real UDP socket on loopback and must read the answers we meant.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AuthoritativeServer } from '../../src-core/protocols/dns/server';
import { EXAMPLE_ZONE } from '../../src-core/protocols/dns/zones.test-helper';
import { serveDnsOverUdp, type RunningDnsServer } from './dns-udp-adapter';
import { requireTool } from './required-tool';

const run = promisify(execFile);
const digTool = requireTool('dig', 'dnsutils');

describe('dig against our authoritative server', () => {
  beforeEach((ctx) => digTool.guard(ctx));
  let server: RunningDnsServer;
  beforeAll(async () => {
    server = await serveDnsOverUdp(new AuthoritativeServer([EXAMPLE_ZONE]));
  });
  afterAll(() => server?.close());

  async function dig(...args: string[]): Promise<string> {
    const { stdout } = await run('dig', [`@${server.address}`, '-p', String(server.port), '+norecurse', '+time=10', '+tries=1', ...args]);
    return stdout;
  }

  it('gets an authoritative answer of three A records', async () => {
    const out = await dig('www.example.com', 'A');
    expect(out).toMatch(/status: NOERROR/);
    expect(out).toMatch(/flags: qr aa;/);
    const answers = out.match(/^www\.example\.com\.\s+300\s+IN\s+A\s+\S+$/gm) ?? [];
    expect(answers).toHaveLength(3);
  });

  it('reads a compressed multi-record answer: MX with the mail host in the additional section', async () => {
    const out = await dig('example.com', 'MX');
    expect(out).toMatch(/^example\.com\.\s+300\s+IN\s+MX\s+10 mail\.example\.com\.$/m);
    expect(out).toMatch(/ADDITIONAL: 1/);
    expect(out).toMatch(/^mail\.example\.com\.\s+300\s+IN\s+A\s+192\.0\.2\.25$/m);
  });

  it('follows our CNAME answer', async () => {
    const out = await dig('web.example.com', 'A');
    expect(out).toMatch(/^web\.example\.com\.\s+300\s+IN\s+CNAME\s+www\.example\.com\.$/m);
    expect(out).toMatch(/ANSWER: 4/);
  });

  it('gets NXDOMAIN with the SOA for a name that does not exist', async () => {
    const out = await dig('nothing.example.com', 'A');
    expect(out).toMatch(/status: NXDOMAIN/);
    expect(out).toMatch(/^example\.com\.\s+3600\s+IN\s+SOA\s+ns1\.example\.com\. hostmaster\.example\.com\. 2026112201 7200 3600 1209600 300$/m);
  });

  it('gets REFUSED outside our zones', async () => {
    expect(await dig('www.example.org', 'A')).toMatch(/status: REFUSED/);
  });
});
