// Oracle: ISC dig (Debian dnsutils) asks `l7 serve` of the authoritative
// server of lesson dns-records, over UDP and over TCP, and must read the
// answers the engine means: A, CNAME, MX, NS and NXDOMAIN with the SOA.
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { serving, startCli, type Serving } from '../serve/serving.test-helper';
import { requireTool } from './required-tool';

const run = promisify(execFile);
/** dig missing: a failure under CI (which installs it), else a skip that says why (required-tool.ts). */
const digTool = requireTool('dig', 'dnsutils');
beforeEach((ctx) => digTool.guard(ctx));

const LESSON = 'resources/lessons/dns-records.l7.json';

describe('dig against l7 serve of an authoritative DNS server', () => {
  let server: Serving | null = null;

  beforeAll(async () => {
    if (digTool.available) server = serving(await startCli([LESSON, '--node', 'auth', '--port', '0', '--trace', join(mkdtempSync(join(tmpdir(), 'l7-serve-dig-')), 'trace.json')]));
  });
  afterAll(async () => {
    if (server) expect(await server.stop()).toBe(0);
  });

  async function dig(transport: 'udp' | 'tcp', ...args: string[]): Promise<string> {
    const s = server!;
    const port = s.port(transport);
    const { stdout } = await run('dig', ['@127.0.0.1', '-p', String(port), transport === 'tcp' ? '+tcp' : '+notcp', '+norecurse', '+time=5', '+tries=1', ...args]);
    return stdout;
  }

  for (const transport of ['udp', 'tcp'] as const) {
    describe(`over ${transport.toUpperCase()}`, () => {
      it('gets an authoritative A answer', async () => {
        const out = await dig(transport, 'dns.example.com', 'A');
        expect(out).toMatch(/status: NOERROR/);
        expect(out).toMatch(/flags: qr aa;/);
        expect(out).toMatch(/^dns\.example\.com\.\s+3600\s+IN\s+A\s+192\.0\.2\.53$/m);
        expect(out).toContain(`(${transport.toUpperCase()})`);
      });

      it('follows the CNAME of www to the A record of the canonical name', async () => {
        const out = await dig(transport, 'www.example.com', 'A');
        expect(out).toMatch(/^www\.example\.com\.\s+300\s+IN\s+CNAME\s+relay1\.west-coast\.example\.com\.$/m);
        expect(out).toMatch(/^relay1\.west-coast\.example\.com\.\s+300\s+IN\s+A\s+192\.0\.2\.10$/m);
      });

      it('answers a CNAME query with the alias alone', async () => {
        const out = await dig(transport, 'mail.example.com', 'CNAME');
        expect(out).toMatch(/ANSWER: 1,/);
        expect(out).toMatch(/^mail\.example\.com\.\s+300\s+IN\s+CNAME\s+relay1\.west-coast\.example\.com\.$/m);
      });

      it('gets the MX record', async () => {
        const out = await dig(transport, 'example.com', 'MX');
        expect(out).toMatch(/^example\.com\.\s+300\s+IN\s+MX\s+10 mail\.example\.com\.$/m);
      });

      it('gets the NS record', async () => {
        const out = await dig(transport, 'example.com', 'NS');
        expect(out).toMatch(/^example\.com\.\s+3600\s+IN\s+NS\s+dns\.example\.com\.$/m);
      });

      it('gets NXDOMAIN with the SOA for a name that does not exist', async () => {
        const out = await dig(transport, 'shop.example.com', 'A');
        expect(out).toMatch(/status: NXDOMAIN/);
        expect(out).toMatch(/^example\.com\.\s+300\s+IN\s+SOA\s+ns1\.example\.com\. hostmaster\.example\.com\. 2026112201 7200 3600 1209600 300$/m);
      });
    });
  }

  it('gets REFUSED outside its zones', async () => {
    expect(await dig('udp', 'www.example.org', 'A')).toMatch(/status: REFUSED/);
  });
});
