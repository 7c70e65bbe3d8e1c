/**
 * The reference TCP transfer in ns-3 (../shared/anchors/ns3-bulk-3hop.cc),
 * built and run in the same bench run when ns-3 is installed
 * (`apt-get install libns3-dev libgsl-dev`), so the two are compared on one
 * machine at one time. Returns null, saying why, when it is not.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { TcpTransferFigures } from './tcp-transfer';

const SOURCE = join(import.meta.dirname, '../../shared/anchors/ns3-bulk-3hop.cc');
const BINARY = '/tmp/l7-bench-ns3-bulk';
const LIBS = ['ns3-core', 'ns3-network', 'ns3-internet', 'ns3-point-to-point', 'ns3-applications'];

/** The figures both programs give (the reference has no trace of ours to count or weigh). */
export type Ns3Figures = Omit<TcpTransferFigures, 'traceEvents' | 'heapBytes' | 'traceMemory' | 'kernelEvents'>;

/** The built reference program, or why there is none. */
export function ns3Binary(): { ok: true; path: string } | { ok: false; why: string } {
  if (!existsSync(SOURCE)) return { ok: false, why: `the reference program is not at ${SOURCE}` };
  let libs: string;
  try {
    libs = execFileSync('pkg-config', ['--libs', ...LIBS], { encoding: 'utf8' }).trim();
  } catch {
    return { ok: false, why: 'ns-3 is not installed (apt-get install libns3-dev libgsl-dev)' };
  }
  if (!existsSync(BINARY) || statSync(BINARY).mtimeMs < statSync(SOURCE).mtimeMs) {
    try {
      execFileSync('g++', ['-O2', '-std=c++17', SOURCE, '-o', BINARY, ...libs.split(/\s+/)], { stdio: 'pipe' });
    } catch (e) {
      return { ok: false, why: `the reference program did not build: ${(e as Error).message.split('\n')[0]}` };
    }
  }
  return { ok: true, path: BINARY };
}

/** One run of the reference in its matched mode, figures read from what it prints. */
export function runNs3(binary: string, bytes: number): Ns3Figures {
  const out = execFileSync(binary, ['--match', `--bytes=${bytes}`], { encoding: 'utf8' });
  const value = (key: string) => {
    const m = new RegExp(`${key}=([\\d.e+-]+)`).exec(out);
    if (m === null) throw new Error(`ns-3 printed no ${key}: ${out}`);
    return Number(m[1]);
  };
  const seconds = value('wall_s');
  const dataSegments = value('pkts_A_to_R1');
  const ackSegments = value('pkts_R1_to_A');
  return { bytes: value('bytes'), dataSegments, ackSegments, seconds, segmentsPerSecond: (dataSegments + ackSegments) / seconds, simulatedSeconds: value('last_rx_s') };
}
