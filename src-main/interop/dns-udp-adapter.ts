/**
 * Binds a sans-I/O DNS server engine to a real UDP socket, so that real
 * clients (dig, a student's own resolver) can talk to it. Loopback only by
 * default: it serves the machine it runs on and nobody else.
 */
import { createSocket, type Socket } from 'node:dgram';
import type { AuthoritativeServer } from '../../src-core/protocols/dns/server';

export interface RunningDnsServer {
  readonly address: string;
  readonly port: number;
  close(): Promise<void>;
}

export function serveDnsOverUdp(engine: AuthoritativeServer, options: { host?: string; port?: number } = {}): Promise<RunningDnsServer> {
  const host = options.host ?? '127.0.0.1';
  const socket: Socket = createSocket('udp4');
  socket.on('message', (msg, rinfo) => {
    const reply = engine.handleQuery(new Uint8Array(msg.buffer, msg.byteOffset, msg.byteLength));
    if (reply) socket.send(reply.bytes, rinfo.port, rinfo.address);
  });
  return new Promise((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(options.port ?? 0, host, () => {
      socket.off('error', reject);
      const { address, port } = socket.address();
      resolve({ address, port, close: () => new Promise((done) => socket.close(() => done())) });
    });
  });
}
