import { describe, expect, it } from 'vitest';
import { loadLessonForTest } from './lesson-fixture.test-helper';
import { queryForEvent } from './query-for-event';
import { findEvent } from './trace-query';

describe('the query for a selected event', () => {
  it('finds exactly that event again, for every event of a lesson\'s run', () => {
    const { events } = loadLessonForTest('dns-iterative').run();
    for (const event of events) expect(findEvent(events, queryForEvent(events, event))?.id).toBe(event.id);
  });

  it('names a message by protocol, sender and receiver, a state event by node and type, and counts its place', () => {
    const { events } = loadLessonForTest('dns-iterative').run();
    const second = events.filter((e) => e.kind === 'message' && e.protocol === 'dns' && e.from === 'host')[1]!;
    expect(queryForEvent(events, second)).toEqual({ kind: 'message', protocol: 'dns', from: 'host', to: 'local', nth: 2 });
    const hit = events.find((e) => e.kind === 'state' && e.type === 'dns.cacheHit')!;
    expect(queryForEvent(events, hit)).toEqual({ kind: 'state', node: 'local', type: 'dns.cacheHit', nth: 1 });
  });
});
