import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Scheduler } from './scheduler';

describe('Scheduler', () => {
  it('runs events in time order, equal times in scheduling order', () => {
    const s = new Scheduler();
    const log: string[] = [];
    s.at(20, () => log.push('c'));
    s.at(10, () => log.push('a'));
    s.at(10, () => log.push('b'));
    s.at(5, () => log.push('first'));
    expect(s.run()).toBe('idle');
    expect(log).toEqual(['first', 'a', 'b', 'c']);
    expect(s.now).toBe(20);
  });

  it('lets an event schedule more events, including at the same time', () => {
    const s = new Scheduler();
    const log: number[] = [];
    s.at(1, () => {
      log.push(s.now);
      s.after(0, () => log.push(-s.now));
      s.after(4, () => log.push(s.now));
    });
    s.run();
    expect(log).toEqual([1, -1, 5]);
  });

  it('skips cancelled events', () => {
    const s = new Scheduler();
    const log: string[] = [];
    const h = s.at(10, () => log.push('cancelled'));
    s.at(20, () => log.push('kept'));
    h.cancel();
    s.run();
    expect(log).toEqual(['kept']);
  });

  it('ends when only weak events remain, running weak events that come before strong ones', () => {
    const s = new Scheduler();
    const log: string[] = [];
    s.at(5, () => log.push('weak-early'), { weak: true });
    s.at(10, () => log.push('strong'));
    s.at(100, () => log.push('weak-late'), { weak: true });
    expect(s.run()).toBe('idle');
    expect(log).toEqual(['weak-early', 'strong']);
  });

  it('stops at the end time and at the event budget with the reason', () => {
    const s = new Scheduler();
    for (let t = 1; t <= 10; t++) s.at(t * 1000, () => undefined);
    expect(s.run({ endTime: 4500 })).toBe('end-time');
    expect(s.eventsExecuted).toBe(4);
    expect(s.run({ maxEvents: 6 })).toBe('event-budget');
    expect(s.eventsExecuted).toBe(6);
    expect(s.run()).toBe('idle');
    expect(s.eventsExecuted).toBe(10);
  });

  it('refuses to schedule in the past or at a fractional time', () => {
    const s = new Scheduler();
    s.at(10, () => expect(() => s.at(5, () => undefined)).toThrow(RangeError));
    s.run();
    expect(() => s.at(10.5, () => undefined)).toThrow(RangeError);
  });

  it('never runs an event before an earlier one (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(1_000_000), fc.boolean(), fc.nat(1000)), { maxLength: 300 }),
        (specs) => {
          const s = new Scheduler();
          const fired: Array<[number, number]> = [];
          const handles = specs.map(([t, , spawn], i) =>
            s.at(t, () => {
              fired.push([s.now, i]);
              if (spawn % 3 === 0) s.after(spawn, () => fired.push([s.now, -1]));
            }),
          );
          specs.forEach(([, cancel], i) => cancel && handles[i]!.cancel());
          s.run();
          for (let k = 1; k < fired.length; k++) {
            expect(fired[k]![0]).toBeGreaterThanOrEqual(fired[k - 1]![0]);
          }
          const expected = specs.filter(([, c]) => !c).length;
          expect(fired.filter(([, i]) => i >= 0).length).toBe(expected);
          // equal times: scheduling order (index order among the initial events)
          const initial = fired.filter(([, i]) => i >= 0);
          for (let k = 1; k < initial.length; k++) {
            if (initial[k]![0] === initial[k - 1]![0]) expect(initial[k]![1]).toBeGreaterThan(initial[k - 1]![1]);
          }
        },
      ),
    );
  });

  it('runs call() events in the same (time, order) sequence as at(), reusing their objects', () => {
    const s = new Scheduler();
    const log: string[] = [];
    const note = (what: string) => log.push(`${s.now}:${what}`);
    s.at(10, () => note('a'));
    s.call(10, note, 'b');
    s.call(5, (n: number) => {
      note(`c${n}`);
      s.call(0, note, 'd'); // same time, after everything already at 5
      s.after(5, () => note('e')); // at 10, after a and b
    }, 1);
    s.at(5, () => note('f'));
    expect(s.run()).toBe('idle');
    expect(log).toEqual(['5:c1', '5:f', '5:d', '10:a', '10:b', '10:e']);
    for (let i = 0; i < 1000; i++) s.call(i % 7, note, `x${i}`);
    log.length = 0;
    s.run();
    expect(log).toHaveLength(1000);
    expect(log.slice(0, 3)).toEqual(['10:x0', '10:x7', '10:x14']);
  });

  it('refuses a negative or fractional delay in call()', () => {
    const s = new Scheduler();
    expect(() => s.call(-1, () => undefined, null)).toThrow(RangeError);
    expect(() => s.call(0.5, () => undefined, null)).toThrow(RangeError);
  });
});
