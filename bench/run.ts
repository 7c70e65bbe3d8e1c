/**
 * `npm run bench`: prints figures; asserts nothing (targets are read by people,
 * not by tests). Targets: kernel ≥ 1,000,000 events/s on a 2-core machine;
 * `l7 run` of a lesson from the built file < 0.3 s wall;
 * the chart's and the editor's targets are in chart/run.ts and editor/run.ts
 * (they run last, in Chromium).
 */
import { benchChart } from './chart/run';
import { percentile } from './chromium';
import { benchCliStart, CLI_BENCH_LESSON } from './cli-start';
import { benchEditor } from './editor/run';
import { benchKernel } from './kernel';
import { benchTcpTransfer } from './tcp-transfer';

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

function section(title: string): void {
  process.stdout.write(`\n== ${title}\n`);
}

section('kernel: scheduler events per second (target ≥ 1,000,000)');
benchKernel(500_000); // warm-up
for (let i = 0; i < 3; i++) {
  const k = benchKernel();
  process.stdout.write(`  ${fmt(k.events)} events in ${k.seconds.toFixed(3)} s: ${fmt(k.eventsPerSecond)} events/s\n`);
}

section('TCP: 100 MB over a 3-hop path (1 Gb/s, 1 ms per link)');
benchTcpTransfer(4 * 1024 * 1024); // warm-up
const t = benchTcpTransfer();
process.stdout.write(
  `  ${fmt(t.segments)} segments (${fmt(t.traceEvents)} trace events) in ${t.seconds.toFixed(2)} s: ${fmt(t.segmentsPerSecond)} segments/s; ` +
    `simulated ${t.simulatedSeconds.toFixed(3)} s; heap ${fmt(process.memoryUsage().heapUsed / 1048576)} MiB\n`,
);

section(`command line: wall time of one run of ${CLI_BENCH_LESSON}, start to exit (target for the built file < 0.3 s)`);
for (const f of await benchCliStart()) {
  const s = (n: number) => `${n.toFixed(3)} s`;
  process.stdout.write(`  ${f.title.padEnd(36)} min ${s(Math.min(...f.seconds))}, median ${s(percentile(f.seconds, 50))}, max ${s(Math.max(...f.seconds))} (${f.seconds.length} runs)\n`);
}

// The sequence chart in Chromium (bench/chart/run.ts; also `npm run bench:chart`).
await benchChart();
// The topology editor of the web app in Chromium (bench/editor/run.ts; also `npm run bench:editor`).
await benchEditor();
