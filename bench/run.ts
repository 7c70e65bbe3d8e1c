/**
 * `npm run bench`: prints figures; asserts nothing (targets are read by people,
 * not by tests). Each figure is the median of RUNS runs, with min and max.
 * Targets: kernel ≥ 1,000,000 events/s on a 2-core machine; the TCP transfer
 * of the reference program ≥ 3× ns-3's segments per wall second (ns-3 built
 * and run in the same bench run when installed, bench/ns3.ts);
 * the trace ≤ 200 bytes per transport message and a 10^9-byte transfer
 * under 1 GB RSS (bench/gigabyte.ts);
 * `l7 run` of a lesson from the built file < 0.3 s wall;
 * the chart's and the editor's targets are in chart/run.ts and editor/run.ts
 * (they run last, in Chromium).
 */
import { benchChart } from './chart/run';
import { percentile } from './chromium';
import { benchCliStart, CLI_BENCH_LESSON } from './cli-start';
import { benchEditor } from './editor/run';
import { benchKernel } from './kernel';
import { benchDnsStorm, benchPageLoads, type LoadFigures } from './lesson-load';
import { ns3Binary, runNs3 } from './ns3';
import { benchGigabyte, GIGABYTE_SCENARIO, gigabyteTraceMemory } from './gigabyte';
import { fmt, formatSpread, spread } from './stats';
import { benchTcpTransfer, REFERENCE_BYTES } from './tcp-transfer';

/** Runs per figure: each is a median of at least five (issue 14). */
const RUNS = 5;

function section(title: string): void {
  process.stdout.write(`\n== ${title}\n`);
}

section('kernel: scheduler events per second (target ≥ 1,000,000)');
benchKernel(500_000); // warm-up
const kernel = Array.from({ length: RUNS }, () => benchKernel());
process.stdout.write(`  ${fmt(kernel[0]!.events)} events per run: ${formatSpread(spread(kernel.map((k) => k.eventsPerSecond)), 'events/s')}\n`);

section('TCP: the reference transfer, 100,000,000 bytes over 3 × (100 Mb/s, 5 ms), against ns-3 --match (target ≥ 3×)');
benchTcpTransfer(4_000_000); // warm-up
const ours = Array.from({ length: RUNS }, () => benchTcpTransfer());
const o = ours[0]!;
process.stdout.write(
  `  L7 Lab: ${fmt(o.dataSegments)} data + ${fmt(o.ackSegments)} ACK segments on the first link, last byte at ${o.simulatedSeconds.toFixed(3)} s simulated; ` +
    `${fmt(o.traceEvents)} trace events, memory kept ${fmt(o.heapBytes / 1048576)} MiB (${fmt(o.heapBytes / o.traceEvents)} bytes per trace event, the simulation's own state included)\n`,
);
process.stdout.write(
  `  trace store's accounting: ${o.traceMemory.bytesPerTcpSegment.toFixed(1)} bytes per TCP segment (target ≤ 200), ` +
    `application buffers referenced ${fmt(o.traceMemory.applicationBufferBytes)} bytes\n`,
);
const oursRate = spread(ours.map((r) => r.segmentsPerSecond));
process.stdout.write(`  L7 Lab: ${formatSpread(oursRate, 'segments/s')}; wall ${formatSpread(spread(ours.map((r) => r.seconds)), 's', 2)}\n`);
process.stdout.write(`  L7 Lab: ${fmt(o.kernelEvents)} kernel events in the transfer, ${(o.kernelEvents / (o.dataSegments + o.ackSegments)).toFixed(2)} a segment: ${formatSpread(spread(ours.map((r) => r.kernelEvents / r.seconds)), 'kernel events/s')}\n`);
const ns3 = ns3Binary();
if (!ns3.ok) process.stdout.write(`  ns-3: not run: ${ns3.why}\n`);
else {
  const theirs = Array.from({ length: RUNS }, () => runNs3(ns3.path, REFERENCE_BYTES));
  const n = theirs[0]!;
  process.stdout.write(`  ns-3:   ${fmt(n.dataSegments)} data + ${fmt(n.ackSegments)} ACK segments on the first link, last byte at ${n.simulatedSeconds.toFixed(3)} s simulated\n`);
  const theirsRate = spread(theirs.map((r) => r.segmentsPerSecond));
  process.stdout.write(`  ns-3:   ${formatSpread(theirsRate, 'segments/s')}; wall ${formatSpread(spread(theirs.map((r) => r.seconds)), 's', 2)}\n`);
  process.stdout.write(`  ratio (medians): L7 Lab ${(oursRate.median / theirsRate.median).toFixed(2)}× ns-3 (target ≥ 3×); segments ${(((o.dataSegments + o.ackSegments) / (n.dataSegments + n.ackSegments) - 1) * 100).toFixed(1)} %, completion ${((o.simulatedSeconds / n.simulatedSeconds - 1) * 100).toFixed(1)} % apart\n`);
}

/** A workload's figures over RUNS runs. */
function loadSection(title: string, unit: string, bench: () => LoadFigures): void {
  section(title);
  bench(); // warm-up
  const runs = Array.from({ length: RUNS }, bench);
  const r = runs[0]!;
  process.stdout.write(`  ${fmt(r.done)} ${unit} per run, ${fmt(r.traceEvents)} trace events: ${formatSpread(spread(runs.map((x) => x.perSecond)), `${unit}/s`)}\n`);
  process.stdout.write(`  memory: ${formatSpread(spread(runs.map((x) => x.bytesPerEvent)), 'bytes per trace event')} (kept after the run: heap and array buffers after a full collection)\n`);
}

loadSection('HTTP: page loads per wall second (the persistent lesson\'s page, 300 loads, each mode in turn)', 'page loads', () => benchPageLoads());
loadSection('DNS: a storm of 10,000 lookups through one resolver, one a millisecond', 'lookups', () => benchDnsStorm());

section(`memory: the trace of a 10^9-byte transfer (${GIGABYTE_SCENARIO}) through node out/cli/l7.mjs run (target < 1 GB RSS; ≤ 200 bytes per transport message)`);
{
  const m = gigabyteTraceMemory();
  process.stdout.write(`  trace store's accounting: ${fmt(m.tcpSegments)} TCP segments, ${(m.bytesPerTcpSegment).toFixed(1)} bytes each; application buffers referenced ${fmt(m.applicationBufferBytes)} bytes (deterministic: one run)\n`);
  const { inMemory, writingFiles } = await benchGigabyte(RUNS);
  const mib = (b: number | null) => (b === null ? 'n/a (no /proc)' : `${fmt(b / 1048576)} MiB`);
  const peaks = inMemory.map((r) => r.peakRss).filter((p): p is number => p !== null);
  if (peaks.length > 0) process.stdout.write(`  peak RSS, trace in memory: ${formatSpread(spread(peaks.map((p) => p / 1048576)), 'MiB')}; wall ${formatSpread(spread(inMemory.map((r) => r.seconds)), 's', 1)}\n`);
  process.stdout.write(`  peak RSS writing --out trace.json --pcap trace.pcapng as the run goes (one run: about 3 GB of files): ${mib(writingFiles.peakRss)}, wall ${writingFiles.seconds.toFixed(1)} s\n`);
}

section(`command line: wall time of one run of ${CLI_BENCH_LESSON}, start to exit (target for the built file < 0.3 s)`);
for (const f of await benchCliStart()) {
  const s = (n: number) => `${n.toFixed(3)} s`;
  process.stdout.write(`  ${f.title.padEnd(36)} min ${s(Math.min(...f.seconds))}, median ${s(percentile(f.seconds, 50))}, max ${s(Math.max(...f.seconds))} (${f.seconds.length} runs)\n`);
}

// The sequence chart in Chromium, and Mermaid beside it when $MERMAID_DIR has it (bench/chart/run.ts; also `npm run bench:chart`).
await benchChart();
// The topology editor of the web app in Chromium (bench/editor/run.ts; also `npm run bench:editor`).
await benchEditor();
