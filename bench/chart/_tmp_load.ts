import { computeAnnotations, annotationIndex } from '/work/main/src-core/chart/annotations';
import { DEFAULT_LAYOUT, layoutChart } from '/work/main/src-core/chart/layout';
import { syntheticTrace } from '/work/main/bench/chart/synthetic';
const trace = syntheticTrace(100_000, 20, 7);
const res: Record<string, number[]> = { layout: [], notes: [], index: [] };
for (let i = 0; i < 8; i++) {
  const t0 = performance.now();
  const layout = layoutChart(trace.nodes, trace.events, { ...DEFAULT_LAYOUT, showTransport: true, endTime: trace.endTime });
  const t1 = performance.now();
  const notes = computeAnnotations(layout, trace.events, []);
  const t2 = performance.now();
  annotationIndex(notes);
  const t3 = performance.now();
  res.layout!.push(t1 - t0); res.notes!.push(t2 - t1); res.index!.push(t3 - t2);
}
for (const [k, v] of Object.entries(res)) console.log(k, 'min', Math.min(...v).toFixed(1), 'median', v.sort((a, b) => a - b)[4]!.toFixed(1));
