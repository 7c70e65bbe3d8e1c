import { describe, expect, it } from 'vitest';
import { EXPORT_MIME_TYPES, MAX_OPEN_BYTES, readTextFile, type FileLike } from './files';

/** A File as the browser gives it (Node's File is the same Web API). */
const fileOf = (bytes: number[] | Uint8Array, name = 'lab.l7.json'): FileLike => new File([Uint8Array.from(bytes)], name);

describe('readTextFile', () => {
  it('reads UTF-8 text and drops a byte-order mark', async () => {
    const text = '{"name": "Télécom ☕"}';
    expect(await readTextFile(fileOf(new TextEncoder().encode(text)))).toEqual({ name: 'lab.l7.json', text });
    expect(await readTextFile(fileOf([0xef, 0xbb, 0xbf, 0x7b, 0x7d]))).toEqual({ name: 'lab.l7.json', text: '{}' });
  });

  it('refuses invalid UTF-8 with the file name, line, column and byte offset, where File.text() would give U+FFFD', async () => {
    const latin1 = Array.from('{\n  "name": "caf\u00e9"\n}', (c) => c.charCodeAt(0));
    expect(await new File([Uint8Array.from(latin1)], 'x').text()).toContain('caf\uFFFD');
    await expect(readTextFile(fileOf(latin1))).rejects.toThrow('lab.l7.json:2:15: byte 16: invalid UTF-8 (0xE9 0x22); save the file as UTF-8');
  });

  it('says that a binary file is not a text file', async () => {
    const pcapng = [0x0a, 0x0d, 0x0d, 0x0a, 0x1c, 0, 0, 0, 0x4d, 0x3c, 0x2b, 0x1a];
    await expect(readTextFile(fileOf(pcapng, 'trace.pcapng'))).rejects.toThrow(
      'trace.pcapng: not a text file (it looks like a pcapng packet capture): byte 5 is a NUL (0x00), which JSON text never contains',
    );
  });

  it('refuses a file over the size limit without reading it', async () => {
    const huge: FileLike = { name: 'huge.json', size: MAX_OPEN_BYTES + 1, arrayBuffer: () => Promise.reject(new Error('read')) };
    await expect(readTextFile(huge)).rejects.toThrow('huge.json is 20.0 MB; a scenario file is at most 20.0 MB');
  });
});

describe('EXPORT_MIME_TYPES', () => {
  it('gives each export its media type; CSV is text/csv with a header line (RFC 4180 §3)', () => {
    expect(EXPORT_MIME_TYPES.png).toBe('image/png');
    expect(EXPORT_MIME_TYPES.svg).toBe('image/svg+xml');
    expect(EXPORT_MIME_TYPES.csv).toBe('text/csv;charset=utf-8;header=present');
    expect(new Blob(['x'], { type: EXPORT_MIME_TYPES.csv }).type).toBe('text/csv;charset=utf-8;header=present');
  });
});
