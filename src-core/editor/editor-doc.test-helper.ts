/**
 * Documents for the editor commands' tests: lessons as their files hold them
 * (imported as JSON, so this stays free of Node's file system like the rest
 * of src-core), each call a fresh copy.
 */
import dnsIterative from '../../resources/lessons/dns-iterative.l7.json';
import mailAliceToBob from '../../resources/lessons/mail-alice-to-bob.l7.json';
import socketsTcp from '../../resources/lessons/sockets-tcp.l7.json';
import socketsUdp from '../../resources/lessons/sockets-udp.l7.json';
import type { EditorDoc } from './doc';

const LESSONS: Readonly<Record<string, unknown>> = { 'dns-iterative': dnsIterative, 'mail-alice-to-bob': mailAliceToBob, 'sockets-tcp': socketsTcp, 'sockets-udp': socketsUdp };

export function lessonDocForTest(id: keyof typeof LESSONS & string): EditorDoc {
  const doc = LESSONS[id];
  if (doc === undefined) throw new Error(`lessonDocForTest has no lesson ${id}: add its import`);
  return structuredClone(doc) as EditorDoc;
}

/** A deep copy to compare against after a command: commands never mutate their input. */
export const frozenCopyForTest = (doc: EditorDoc): EditorDoc => structuredClone(doc);
