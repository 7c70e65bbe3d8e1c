/**
 * What File › New starts from: the smallest scenario that runs — a client,
 * a router and a UDP upper-case server — so a student can change it and
 * press Run at once. docs/scenario-format.md documents every field.
 */
export const NEW_FILE_NAME = 'untitled.l7.json';

const NEW_SCENARIO = {
  format: 'l7-scenario',
  version: 1,
  name: 'Untitled scenario',
  description: 'A client sends one line over UDP; the server answers it in upper case.',
  nodes: [
    { id: 'client', kind: 'host', name: 'Client', address: '10.0.0.10', position: { x: 80, y: 160 } },
    { id: 'router', kind: 'router', name: 'Router', address: '10.0.0.1', position: { x: 300, y: 160 } },
    {
      id: 'server',
      kind: 'host',
      name: 'Server',
      address: '192.0.2.10',
      position: { x: 520, y: 160 },
      services: [{ type: 'udp-upper-server', port: 12000 }],
    },
  ],
  links: [
    { a: 'client', b: 'router', delayMs: 5, bandwidthMbps: 10 },
    { a: 'router', b: 'server', delayMs: 10, bandwidthMbps: 100 },
  ],
  workload: [{ type: 'udp-upper-client', atMs: 0, node: 'client', server: 'server', port: 12000, line: 'hello' }],
  view: { showTransport: true },
};

export const NEW_SCENARIO_TEXT = `${JSON.stringify(NEW_SCENARIO, null, 2)}\n`;
