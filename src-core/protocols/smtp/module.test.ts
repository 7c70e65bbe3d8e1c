import { describe, expect, it } from 'vitest';
import lesson from '../../../resources/lessons/mail-alice-to-bob.l7.json';
import { parseScenarioText } from '../../scenario/load';
import { runScenario } from '../../scenario/runner';
import type { MessageEvent } from '../../trace/types';

type Lesson = Omit<typeof lesson, 'workload'> & { workload: Record<string, unknown>[] };

const withWorkload = (edit: (d: Lesson) => void) => {
  const d = structuredClone(lesson) as Lesson;
  edit(d);
  return parseScenarioText(JSON.stringify(d));
};

describe('the SMTP module', () => {
  it('gives two messages sent in the same millisecond different Message-IDs', () => {
    const loaded = withWorkload((d) => d.workload.splice(1, 1, { ...d.workload[0]!, subject: 'again' }));
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
    const data = runScenario(loaded.scenario).sim.store.events.filter((e): e is MessageEvent => e.kind === 'message' && e.protocol === 'smtp' && e.summary.startsWith('(message alice.'));
    const ids = new Set(data.map((m) => /Message-ID: <([^>]+)>/.exec(new TextDecoder().decode(m.bytes))?.[1]));
    expect(ids.size).toBe(2);
  });

  it('refuses a sender without an account, and a port the server does not listen on, at their paths', () => {
    const loaded = withWorkload((d) => {
      d.workload[0] = { ...d.workload[0]!, user: 'mallory', port: 2525 };
    });
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
      'workload[0].user: "mallory" has no account on crepes (accounts: "alice")',
      'workload[0].port: the mail server listens on 25 and 587, not 2525',
    ]);
  });
});
