// Node's own dgram and net sockets, as a student's socket program would,
// talk to `l7 serve` of the course's upper-case servers (lessons
// sockets-udp and sockets-tcp): a line goes in, the same line upper-cased
// comes back.
import { createSocket } from 'node:dgram';
import { mkdtempSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serving, startCli } from '../serve/serving.test-helper';

function traceFile(): string {
  return join(mkdtempSync(join(tmpdir(), 'l7-serve-sockets-')), 'trace.json');
}

function udpAsk(port: number, line: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = createSocket('udp4');
    socket.on('error', reject);
    socket.on('message', (reply) => {
      socket.close();
      resolve(reply.toString('utf8'));
    });
    socket.send(line, port, '127.0.0.1');
  });
}

/** Connects, sends the lines, half-closes and reads until the server closes its side. */
function tcpAsk(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = connect({ port, host: '127.0.0.1' }, () => socket.end(text));
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', reject);
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

describe('l7 serve of the upper-case socket servers', () => {
  it('UDP: each datagram is answered upper-cased, from the port it was sent to', async () => {
    const s = serving(await startCli(['resources/lessons/sockets-udp.l7.json', '--node', 'server', '--port', '0', '--trace', traceFile()]));
    expect(s.listeners).toEqual([{ transport: 'udp', port: expect.any(Number), service: 'udp-upper-server' }]);
    const port = s.port('udp');
    expect(await udpAsk(port, 'hello from a real socket')).toBe('HELLO FROM A REAL SOCKET');
    expect(await udpAsk(port, 'and again')).toBe('AND AGAIN');
    expect(await s.stop()).toBe(0);
  });

  it('TCP: each line of a connection is answered upper-cased; the server closes when the client does', async () => {
    const s = serving(await startCli(['resources/lessons/sockets-tcp.l7.json', '--node', 'server', '--port', '0', '--trace', traceFile()]));
    expect(s.listeners).toEqual([{ transport: 'tcp', port: expect.any(Number), service: 'tcp-upper-server' }]);
    const port = s.port('tcp');
    expect(await tcpAsk(port, 'hello\n')).toBe('HELLO\n');
    expect(await tcpAsk(port, 'two lines\nin one go\n')).toBe('TWO LINES\nIN ONE GO\n');
    expect(await s.stop()).toBe(0);
  });
});
