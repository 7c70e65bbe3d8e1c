import { describe, expect, it } from 'vitest';
import { DEFAULT_LAYOUT, layoutChart } from '../../src-core/chart/layout';
import { createRelationsIndex } from '../inspector/relations';
import { arrowIndex } from './geometry';
import { shownArrowIndex } from './shown-arrow';
import { tcpLessonTrace } from './test-trace';

describe('shownArrowIndex', () => {
  const trace = tcpLessonTrace();
  const relations = createRelationsIndex()(trace.events);
  const app = trace.events.find((e) => e.kind === 'message' && e.layer === 'application')!;
  const layoutOf = (showTransport: boolean) => layoutChart(trace.nodes, trace.events, { ...DEFAULT_LAYOUT, showTransport, endTime: trace.header.endTime });

  it('an application message drawn as its own arrow (transport hidden) is shown by it', () => {
    const layout = layoutOf(false);
    expect(shownArrowIndex(layout, app.id, relations.carriedBy)).toBe(arrowIndex(layout, app.id));
    expect(arrowIndex(layout, app.id)).toBeGreaterThanOrEqual(0);
  });

  it('one drawn as the segments carrying it (transport shown) is shown by the first of them', () => {
    const layout = layoutOf(true);
    expect(arrowIndex(layout, app.id)).toBe(-1);
    const first = relations.carriedBy(app.id)[0]!;
    expect(shownArrowIndex(layout, app.id, relations.carriedBy)).toBe(arrowIndex(layout, first));
    expect(layout.arrows[shownArrowIndex(layout, app.id, relations.carriedBy)]!.carries).toContain(app.id);
  });

  it('an event with no arrow (a state change) has none', () => {
    const state = trace.events.find((e) => e.kind === 'state')!;
    expect(shownArrowIndex(layoutOf(true), state.id, relations.carriedBy)).toBe(-1);
  });
});
