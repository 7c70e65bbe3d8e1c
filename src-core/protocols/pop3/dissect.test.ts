import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FieldNode } from '../../dissect/field';
import type { MessageEvent } from '../../trace/types';
import { ascii, encodeCommand, encodeMultiline, encodeStatus, latin1 } from './codec';
import { dissectPop3 } from './dissect';

function message(b: Uint8Array): MessageEvent {
  return {
    kind: 'message', id: 0, layer: 'application', protocol: 'pop3', from: 'a', to: 'b',
    src: { addr: '10.0.0.1', port: 49152 }, dst: { addr: '10.0.0.2', port: 110 },
    sentAt: 0, receivedAt: null, summary: 'x', bytes: b, connection: 'tcp:10.0.0.1:49152-10.0.0.2:110',
    causedBy: null, carries: [], retransmission: false, timing: null, lost: null,
  };
}

const all = (nodes: readonly FieldNode[]): FieldNode[] => nodes.flatMap((n) => [n, ...all(n.children)]);
const one = (nodes: readonly FieldNode[], filter: string) => all(nodes).find((n) => n.filter === filter)!;
const bytesOf = (b: Uint8Array, n: FieldNode) => latin1(b.subarray(n.offset, n.offset + n.length));

describe('the POP3 dissector', () => {
  it('a command: keyword and arguments at their bytes', () => {
    const b = encodeCommand({ keyword: 'TOP', args: ['1', '10'] });
    const tree = dissectPop3(message(b));
    expect(bytesOf(b, one(tree, 'pop3.request.command'))).toBe('TOP');
    expect(all(tree).filter((n) => n.filter === 'pop3.request.parameter').map((n) => bytesOf(b, n))).toEqual(['1', '10']);
  });

  it('never shows a password', () => {
    const tree = dissectPop3(message(ascii('PASS hungry\r\n')));
    expect(JSON.stringify(tree)).not.toContain('hungry');
    expect(one(tree, 'pop3.request.parameter').value).toBe('••••');
  });

  it('a retrieved message: its header fields and MIME parts at their bytes; a listing has none', () => {
    const mail = 'Subject: report\r\nContent-Type: multipart/report; report-type=delivery-status; boundary="b"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nnot delivered\r\n--b\r\nContent-Type: message/delivery-status\r\n\r\nStatus: 5.1.1\r\n--b--\r\n';
    const b = encodeMultiline(true, `${mail.length} octets`, ascii(mail));
    const tree = dissectPop3(message(b));
    expect(bytesOf(b, one(tree, 'imf.subject'))).toBe('Subject: report\r\n');
    expect(one(tree, 'mime_multipart').value).toBe('2 parts');
    expect(all(tree).filter((n) => n.name === 'Line').map((n) => bytesOf(b, n).trim())).toEqual(['not delivered']);
    expect(all(tree).filter((n) => n.filter === 'imf.content.type').map((n) => n.value.split(';')[0])).toEqual(['multipart/report', 'text/plain', 'message/delivery-status']);
    const list = encodeMultiline(true, '2 messages', ascii('1 120\r\n2 200\r\n'));
    expect(all(dissectPop3(message(list))).filter((n) => n.filter.startsWith('imf') || n.filter.startsWith('mime'))).toEqual([]);
  });

  it('a multi-line response: status, the stuffed data and the terminator', () => {
    const b = encodeMultiline(true, '25 octets', ascii('Subject: x\r\n\r\n.dot\r\n'));
    const tree = dissectPop3(message(b));
    expect(one(tree, 'pop3.response.indicator').value).toBe('+OK');
    expect(bytesOf(b, one(tree, 'pop3.response.description'))).toBe('25 octets');
    expect(bytesOf(b, one(tree, 'pop3.data'))).toBe('Subject: x\r\n\r\n..dot\r\n');
    expect(one(tree, 'pop3.data').value).toBe('3 lines, 20 octets unstuffed');
    expect(bytesOf(b, one(tree, 'pop3.data.end'))).toBe('.\r\n');
  });

  it('an error response, and malformed bytes as problem nodes', () => {
    expect(one(dissectPop3(message(encodeStatus(false, 'no such message'))), 'pop3.response.indicator').value).toBe('-ERR');
    expect(one(dissectPop3(message(ascii('RETR 1'))), 'pop3.malformed').severity).toBe('error');
    expect(one(dissectPop3(message(ascii('+OK x\r\nline\r\n'))), 'pop3.malformed').value).toMatch(/terminating/);
  });

  it('never throws, and every node lies inside the bytes', () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 200 }), fc.uint8Array({ maxLength: 200 }).map((b) => new Uint8Array([...ascii('+OK '), ...b]))), (b) => {
        for (const n of all(dissectPop3(message(b)))) {
          expect(n.offset).toBeGreaterThanOrEqual(0);
          expect(n.length).toBeGreaterThanOrEqual(0);
          expect(n.offset + n.length).toBeLessThanOrEqual(b.length);
        }
      }),
    );
  });
});
