import { describe, expect, it } from 'vitest';
import { validateScenario } from '../scenario/load';
import { actionTypes, draftAction } from './draft-action';
import { frozenCopyForTest, lessonDocForTest } from './editor-doc.test-helper';

describe('a new action drafted from the scenario', () => {
  it('offers a lookup in the iterative lesson: a host, its resolver, a name its zones serve, after the last action', () => {
    const doc = lessonDocForTest('dns-iterative');
    const before = frozenCopyForTest(doc);
    const drafted = draftAction(doc, 'dns-lookup')!;
    expect(doc).toEqual(before);
    const action = drafted.doc.workload[drafted.index] as Record<string, unknown>;
    expect(action).toMatchObject({ type: 'dns-lookup', node: 'host', resolver: 'local' });
    expect(action['atMs']).toBe(Math.max(...doc.workload.map((a) => a.atMs ?? 0)) + 1000);
    expect(validateScenario(drafted.doc).ok).toBe(true);
  });

  it('offers only what the scenario can run: no lookup without a resolver, no socket client without its server', () => {
    const tcp = lessonDocForTest('sockets-tcp');
    expect(draftAction(tcp, 'dns-lookup')).toBeNull();
    const offered = actionTypes().filter((t) => draftAction(tcp, t) !== null);
    expect(offered.length).toBeGreaterThan(0);
    for (const t of offered) expect(validateScenario(draftAction(tcp, t)!.doc).ok, t).toBe(true);
  });

  it('offers mail in the mail lesson: a message through a mail server to an address, reading at the IMAP server; no POP3 where none runs', () => {
    const doc = lessonDocForTest('mail-alice-to-bob');
    const send = draftAction(doc, 'mail-send')!;
    expect(send.doc.workload[send.index]).toMatchObject({ type: 'mail-send', server: 'crepes', user: 'alice', to: ['bob@hamburger.edu'] });
    const read = draftAction(doc, 'imap-read')!;
    expect(read.doc.workload[read.index]).toMatchObject({ type: 'imap-read', server: 'hamburger' });
    for (const d of [send, read]) expect(validateScenario(d.doc).ok).toBe(true);
    expect(draftAction(doc, 'pop3-read')).toBeNull();
  });

  it('refuses a type no module defines', () => {
    expect(draftAction(lessonDocForTest('dns-iterative'), 'teleport')).toBeNull();
  });
});
