import { describe, expect, it } from 'vitest';
import type { StateEvent } from '../trace/types';
import { groupStates } from './mark-groups';

const state = (id: number, at: number, summary: string, node = 'local'): StateEvent =>
  ({ kind: 'state', id, node, at, protocol: 'dns', type: 'dns.dropped', summary, connection: null, causedBy: null, data: {} });

describe('groupStates', () => {
  it('summarises many alike changes of one moment into one, keeping the different ones apart', () => {
    const states = [state(0, 6_012_000, 'cached www.example.com A for 86400 s: addr 6.6.6.6')];
    for (let i = 1; i <= 99; i++) states.push(state(i, 6_012_000 + i * 6_000, `dropped a response from 198.41.0.4 with id 0x${i}: no query of ours matches it`));
    const groups = groupStates(states);
    expect(groups.map((g) => g.count)).toEqual([1, 99]);
    expect(groups[0]!.label).toBe('cached www.example.com A for 86400 s: addr 6.6.6.6');
    expect(groups[1]!.label).toBe('×99 dropped a response from 198.41.0.4 with id …, 6.018–6.606 ms');
    expect(groups[1]!.event.id).toBe(1);
  });

  it('leaves a few alike changes, those far apart in time and those with fewer words in common as they are', () => {
    const few = [1, 2, 3].map((i) => state(i, i, `dropped a response ${i}`));
    expect(groupStates(few).map((g) => g.count)).toEqual([1, 1, 1]);
    const apart = [1, 2, 3, 4].map((i) => state(i, i * 3_000_000, `dropped a response ${i}`));
    expect(groupStates(apart).map((g) => g.count)).toEqual([1, 1, 1, 1]);
    const referral = [1, 2, 3, 4].map((i) => state(i, 0, `cached ns${i}.example NS`));
    expect(groupStates(referral).map((g) => g.count)).toEqual([1, 1, 1, 1]);
  });
});
