import { describe, expect, it } from 'vitest';
import lesson from '../../../resources/lessons/mail-alice-to-bob.l7.json';
import { parseScenarioText } from '../../scenario/load';
import { runScenario } from '../../scenario/runner';
import type { MessageEvent, StateEvent } from '../../trace/types';
import { parseMessage } from '../mail/message';

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

  it('sends attachments as multipart/mixed, says what it encoded, and Bob fetches the same parts over IMAP', () => {
    const loaded = withWorkload((d) => {
      d.workload[0] = { ...d.workload[0]!, text: 'Voil\u00e0 la recette.', attachments: [{ filename: 'ketchup.jpg', size: 2000 }, { filename: 'recipe.txt', content: 'tomatoes\n' }] };
    });
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
    const events = runScenario(loaded.scenario).sim.store.events;
    const composed = events.find((e): e is StateEvent => e.kind === 'state' && e.type === 'smtp.composed');
    expect(composed?.node).toBe('alice');
    expect(composed?.data).toMatchObject({ contentType: 'multipart/mixed', encoded: ['the text/plain text as UTF-8 in quoted-printable', 'the attachment ketchup.jpg in base64', 'the attachment recipe.txt in base64'] });
    expect(composed?.summary).toContain('to keep it 7-bit');
    const delivered = events.find((e): e is StateEvent => e.kind === 'state' && e.type === 'smtp.delivered' && e.node === 'hamburger');
    expect(delivered?.data).toMatchObject({ user: 'bob' });
    // The message as Bob's IMAP FETCH BODY[] carried it: the literal after "{n}\r\n".
    const fetched = events.filter((e): e is MessageEvent => e.kind === 'message' && e.protocol === 'imap' && e.from === 'hamburger').map((m) => new TextDecoder().decode(m.bytes)).find((t) => t.includes('BODY[] {'));
    expect(fetched).toBeDefined();
    const literal = /BODY\[\] \{(\d+)\}\r\n/.exec(fetched!)!;
    const start = literal.index + literal[0].length;
    const parsed = parseMessage(new TextEncoder().encode(fetched!.slice(start, start + Number(literal[1]))));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.value.root.children.map((c) => c.filename)).toEqual([null, 'ketchup.jpg', 'recipe.txt']);
  });

  it('refuses an attachment with both or neither of size and content, and too many bytes in all, at their paths', () => {
    const loaded = withWorkload((d) => {
      d.workload[0] = { ...d.workload[0]!, attachments: [{ filename: 'a.txt' }, { filename: 'b.txt', size: 3, content: 'abc' }, { filename: 'c.bin', size: 4 * 1024 * 1024 }, { filename: 'd.bin', size: 4 * 1024 * 1024 }, { filename: 'e.bin', size: 4 * 1024 * 1024 }] };
    });
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
      'workload[0].attachments: expected attachments of at most 12582912 bytes in all, got 12582915',
      'workload[0].attachments[0]: expected "size" or "content", got neither',
      'workload[0].attachments[1]: expected "size" or "content", got both',
    ]);
  });
});
