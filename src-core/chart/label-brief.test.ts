import { describe, expect, it } from 'vitest';
import { briefForms } from './label-brief';

describe('brief label forms', () => {
  it('drops the window, then Len=0, then the acknowledgement number from a TCP segment', () => {
    expect(briefForms('tcp', '[SYN, ACK] Seq=0 Ack=1 Win=65535 Len=0 MSS=1460')).toEqual(['[SYN, ACK] Seq=0 Ack=1 Len=0', '[SYN, ACK] Seq=0 Ack=1', '[SYN, ACK] Seq=0']);
    expect(briefForms('tcp', '[PSH, ACK] Seq=1 Ack=1 Win=65535 Len=24 — Line "hi"')).toEqual(['[PSH, ACK] Seq=1 Ack=1 Len=24 — Line "hi"', '[PSH, ACK] Seq=1 Len=24 — Line "hi"']);
  });

  it('says Query or Response and drops the transaction id of a DNS message', () => {
    expect(briefForms('dns', 'Standard query 0x2239 A www.example.com')).toEqual(['Query 0x2239 A www.example.com', 'Query A www.example.com']);
    expect(briefForms('dns', 'Standard query response 0x777f A www.example.com NS a.gtld-servers.net')).toEqual([
      'Response 0x777f A www.example.com NS a.gtld-servers.net',
      'Response A www.example.com NS a.gtld-servers.net',
    ]);
  });

  it('has no forms for a protocol without rules, or a text no rule changes', () => {
    expect(briefForms('udp', 'Len=40')).toEqual([]);
    expect(briefForms('sockets', 'Line "hello"')).toEqual([]);
    expect(briefForms('tcp', '[ACK] Seq=1')).toEqual([]);
  });
});
