import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import type { MessageEvent, StateEvent } from '../../src-core/trace/types';
import { useChartViewStore } from './chart-view';
import { stepInterval, usePlaybackStore } from './playback';
import { useRunStore } from './run';
import { useSelectionStore } from './selection';

function message(id: number, summary: string): MessageEvent {
  return {
    kind: 'message', id, layer: 'application', protocol: 'sockets', from: id % 2 ? 'b' : 'a', to: id % 2 ? 'a' : 'b',
    src: { addr: '10.0.0.1', port: 1 }, dst: { addr: '10.0.0.2', port: 2 }, sentAt: id * 1e6, receivedAt: id * 1e6 + 5e5,
    summary, bytes: new Uint8Array(), connection: null, causedBy: null, carries: [], retransmission: false, timing: null, lost: null,
  };
}

function state(id: number): StateEvent {
  return { kind: 'state', id, at: id * 1e6, node: 'a', protocol: 'sockets', type: 'test.changed', summary: 'changed', connection: null, causedBy: null, data: {} };
}

function setUp(count = 4, states: readonly number[] = []) {
  const run = useRunStore();
  run.begin('r1', 'test');
  run.apply({ type: 'run.started', runId: 'r1', seed: 1, scenarioName: 'test', nodes: [
    { id: 'a', name: 'A', kind: 'host', address: '10.0.0.1' },
    { id: 'b', name: 'B', kind: 'host', address: '10.0.0.2' },
  ] });
  const events = Array.from({ length: count }, (_, i) => (states.includes(i) ? state(i) : message(i, i === 2 ? 'special' : `line ${i}`)));
  run.apply({ type: 'run.batch', runId: 'r1', batch: { events, updates: [], metrics: [] } });
  const chart = useChartViewStore();
  chart.computeLayout();
  return { run, chart, playback: usePlaybackStore(), selection: useSelectionStore() };
}

beforeEach(() => setActivePinia(createPinia()));

describe('playback store', () => {
  it('steps through the drawn messages and selects each', () => {
    const { playback, selection } = setUp();
    expect(playback.steps).toEqual([0, 1, 2, 3]);
    expect(playback.cursor).toBeNull();
    playback.next();
    expect(playback.cursor).toBe(0);
    playback.next();
    playback.next();
    expect(playback.position).toBe(2);
    expect(selection.selectedId).toBe(2);
    playback.previous();
    expect(playback.cursor).toBe(1);
    playback.last();
    playback.next();
    expect(playback.cursor).toBe(3);
    playback.first();
    playback.previous();
    expect(playback.cursor).toBe(0);
  });

  it('reveals messages up to the cursor (the rest hidden or faded), and all after stop', () => {
    const { playback } = setUp();
    playback.goTo(1);
    expect([0, 1, 2, 3].map((id) => playback.isRevealed(id))).toEqual([true, true, false, false]);
    playback.afterCursor = 'hide';
    expect(playback.isRevealed(2)).toBe(false);
    playback.stop();
    expect(playback.cursor).toBeNull();
    expect(playback.isRevealed(3)).toBe(true);
  });

  it('plays from the start one tick at a time and stops at the end', () => {
    const { playback } = setUp(3);
    playback.setPlaying(true);
    expect(playback.cursor).toBe(0);
    expect(playback.tick()).toBe(true);
    expect(playback.tick()).toBe(true);
    expect(playback.cursor).toBe(2);
    expect(playback.playing).toBe(false);
    expect(playback.tick()).toBe(false);
    playback.togglePlaying(); // at the end: starts again from the first
    expect(playback.cursor).toBe(0);
    expect(playback.playing).toBe(true);
    playback.togglePlaying();
    expect(playback.playing).toBe(false);
    expect(stepInterval(2)).toBe(250);
  });

  it('skips what the filters hide, and starts over for a new run', () => {
    const { playback, chart, run } = setUp();
    chart.text = 'special';
    chart.computeLayout();
    expect(playback.steps).toEqual([2]);
    playback.next();
    expect(playback.cursor).toBe(2);
    run.begin('r2', 'again');
    return Promise.resolve().then(() => expect(playback.cursor).toBeNull());
  });

  it('is the selection: selecting moves playback, stepping selects, stop clears both', () => {
    const { playback, selection } = setUp(6);
    playback.next();
    playback.next();
    selection.select(4); // the list, the chart or a link in the inspector
    expect(playback.cursor).toBe(4);
    expect(playback.position).toBe(4);
    playback.next();
    expect(selection.selectedId).toBe(5);
    playback.stop();
    expect(selection.selectedId).toBeNull();
    expect(playback.position).toBe(-1);
  });

  it('turns playback on only from its own controls: selecting alone fades nothing', () => {
    const { playback, selection } = setUp();
    selection.select(1);
    expect(playback.active).toBe(false);
    expect(playback.isRevealed(3)).toBe(true);
    playback.move('next', false); // ↓ in the chart
    expect(playback.active).toBe(false);
    expect(selection.selectedId).toBe(2);
    playback.next();
    expect(playback.active).toBe(true);
    expect(playback.isRevealed(3)).toBe(true);
    expect(playback.isRevealed(4)).toBe(false);
  });

  it('stands just before the first message at or after a selected state change', () => {
    const { playback, selection } = setUp(6, [2, 5]);
    expect(playback.steps).toEqual([0, 1, 3, 4]);
    selection.select(2);
    expect(playback.onStep).toBe(false);
    expect(playback.position).toBe(2); // message 3 is next
    playback.next();
    expect(playback.cursor).toBe(3);
    selection.select(2);
    playback.previous();
    expect(playback.cursor).toBe(1);
    selection.select(5); // after the last message
    playback.next();
    expect(playback.cursor).toBe(4);
    selection.select(5);
    playback.setPlaying(true); // not at the end yet: on from here, to the last message
    expect(playback.cursor).toBe(5);
    expect(playback.tick()).toBe(true);
    expect(playback.cursor).toBe(4);
    expect(playback.playing).toBe(false);
  });
});
