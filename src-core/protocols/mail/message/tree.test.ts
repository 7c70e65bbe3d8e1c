import { describe, expect, it } from 'vitest';
import type { FieldNode } from '../../../dissect/field';
import { buildMessage } from './build';
import { mimeTree } from './tree';
import { ascii, latin1 } from './types';

const find = (nodes: readonly FieldNode[], filter: string): FieldNode[] => nodes.flatMap((n) => [...(n.filter === filter ? [n] : []), ...find(n.children, filter)]);

describe('mimeTree', () => {
  const m = buildMessage({
    from: { name: 'Alice', address: 'alice@crepes.fr' },
    to: [{ name: 'Bob', address: 'bob@hamburger.edu' }],
    subject: 'Crêpes',
    date: 0,
    messageId: '<1@crepes.fr>',
    text: 'Hello\n',
    html: '<p>Hi</p>',
    attachments: [{ filename: 'a.bin', mediaType: 'application/octet-stream', bytes: Uint8Array.from([1, 2, 3]) }],
  });
  const tree = mimeTree(m.bytes);

  it('shows header fields with their bytes, decoded', () => {
    const [subject] = find(tree, 'imf.subject');
    expect(subject!.value).toBe('Crêpes');
    expect(latin1(m.bytes, subject!.offset, subject!.offset + subject!.length)).toBe('Subject: =?UTF-8?Q?Cr=C3=AApes?=\r\n');
    expect(find(tree, 'imf.from.mailbox')[0]!.value).toBe('Alice <alice@crepes.fr>');
  });

  it('nests the parts, each node inside the message', () => {
    const parts = find(tree, 'mime_multipart.part');
    expect(parts.map((p) => p.name)).toEqual([
      'Encapsulated multipart part: (multipart/alternative)',
      'Encapsulated multipart part: (text/plain)',
      'Encapsulated multipart part: (text/html)',
      'Encapsulated multipart part: (application/octet-stream)',
    ]);
    expect(find(tree, 'imf.body')[0]!.value).toBe('4 bytes base64, a.bin, 3 bytes decoded');
    const visit = (n: FieldNode) => {
      expect(n.offset + n.length).toBeLessThanOrEqual(m.bytes.length);
      n.children.forEach(visit);
    };
    tree.forEach(visit);
    expect(find(tree, 'imf.text')).toHaveLength(2);
  });

  it('adds problem nodes at the faulty bytes', () => {
    const bytes = ascii('Subject: x\r\nno colon here\r\n\r\nbody');
    const problems = find(mimeTree(bytes), 'imf.header-no-colon');
    expect(problems.map((p) => [p.offset, p.severity])).toEqual([[12, 'error']]);
  });
});
