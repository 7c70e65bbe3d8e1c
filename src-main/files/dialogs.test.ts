import type { BrowserWindow } from 'electron';
import { mkdtempSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FileDialogs, MAX_SCENARIO_BYTES, readScenarioFile, safeFileName } from './dialogs';
import { FakeBrowserWindow, dialog, resetFakeElectron } from '../test-support/fake-electron';

vi.mock('electron', () => import('../test-support/fake-electron'));

let dir: string;
let window: FakeBrowserWindow;
let files: FileDialogs;

beforeEach(() => {
  resetFakeElectron();
  dir = mkdtempSync(join(tmpdir(), 'l7-files-'));
  window = new FakeBrowserWindow();
  files = new FileDialogs(() => window as unknown as BrowserWindow, () => dir);
});

describe('open', () => {
  it('shows an open dialog for scenarios on the window and reads the chosen file', async () => {
    const path = join(dir, 'lab.l7.json');
    writeFileSync(path, '{"format":"l7-scenario"}');
    dialog.openResponses.push({ canceled: false, filePaths: [path] });
    expect(await files.openFile()).toEqual({ path, name: 'lab.l7.json', text: '{"format":"l7-scenario"}' });
    expect(dialog.calls[0]).toMatchObject({ kind: 'open', window, options: { properties: ['openFile'] } });
    expect(JSON.stringify(dialog.calls[0]!.options['filters'])).toContain('*.l7.json');
  });

  it('gives null when the user cancels', async () => {
    dialog.openResponses.push({ canceled: true, filePaths: [] });
    expect(await files.openFile()).toBeNull();
  });

  it('refuses a file over 20 MB with a clear message, without reading it', async () => {
    const path = join(dir, 'huge.l7.json');
    writeFileSync(path, '');
    truncateSync(path, MAX_SCENARIO_BYTES + 1);
    await expect(readScenarioFile(path)).rejects.toThrow('"huge.l7.json" is 20.0 MB: L7 Lab opens scenario files of up to 20.0 MB.');
    await expect(readScenarioFile(path)).rejects.toMatchObject({ name: 'FileTooLargeError' });
    writeFileSync(path, Buffer.alloc(MAX_SCENARIO_BYTES, ' '));
    expect((await readScenarioFile(path)).text).toHaveLength(MAX_SCENARIO_BYTES);
  });

  it('reads UTF-8 text, dropping a byte-order mark', async () => {
    const path = join(dir, 'bom.l7.json');
    writeFileSync(path, Buffer.from([0xef, 0xbb, 0xbf, ...Buffer.from('{"name": "café"}')]));
    expect((await readScenarioFile(path)).text).toBe('{"name": "café"}');
  });

  it('refuses invalid UTF-8 with the byte offset, line and column, instead of replacing it with U+FFFD', async () => {
    const path = join(dir, 'latin1.l7.json');
    writeFileSync(path, Buffer.from('{\n  "name": "caf\xe9"\n}', 'latin1'));
    await expect(readScenarioFile(path)).rejects.toThrow('latin1.l7.json:2:15: byte 16: invalid UTF-8 (0xE9 0x22); save the file as UTF-8');
    await expect(readScenarioFile(path)).rejects.toMatchObject({ name: 'NotUtf8TextError' });
  });

  it('says that a binary file is not a text file, and does not grant saving to it', async () => {
    const path = join(dir, 'chart.png');
    writeFileSync(path, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
    dialog.openResponses.push({ canceled: false, filePaths: [path] });
    await expect(files.openFile()).rejects.toThrow('chart.png: not a text file (it looks like a PNG image): byte 8 is a NUL (0x00)');
    dialog.saveResponses.push({ canceled: true });
    expect(await files.saveFile({ path, suggestedName: 'x', text: 'overwritten' })).toBeNull();
    expect(dialog.calls.map((c) => c.kind)).toEqual(['open', 'save']);
  });
});

describe('save', () => {
  it('asks where to save a new file, starting in the documents folder, and writes atomically', async () => {
    const target = join(dir, 'mine.l7.json');
    dialog.saveResponses.push({ canceled: false, filePath: target });
    expect(await files.saveFile({ path: null, suggestedName: 'mine.l7.json', text: 'v1' })).toEqual({ path: target, name: 'mine.l7.json' });
    expect(dialog.calls[0]).toMatchObject({ kind: 'save', options: { defaultPath: join(dir, 'mine.l7.json') } });
    expect(readFileSync(target, 'utf8')).toBe('v1');
    expect(readdirSync(dir)).toEqual(['mine.l7.json']); // no temporary file left
  });

  it('saves again to a path the user chose without asking', async () => {
    const target = join(dir, 'mine.l7.json');
    dialog.saveResponses.push({ canceled: false, filePath: target });
    await files.saveFile({ path: null, suggestedName: 'mine.l7.json', text: 'v1' });
    await files.saveFile({ path: target, suggestedName: 'mine.l7.json', text: 'v2' });
    expect(dialog.calls).toHaveLength(1);
    expect(readFileSync(target, 'utf8')).toBe('v2');
  });

  it('saves to an opened file without asking', async () => {
    const path = join(dir, 'opened.l7.json');
    writeFileSync(path, 'old');
    dialog.openResponses.push({ canceled: false, filePaths: [path] });
    await files.openFile();
    await files.saveFile({ path, suggestedName: 'x', text: 'new' });
    expect(dialog.calls.map((c) => c.kind)).toEqual(['open']);
    expect(readFileSync(path, 'utf8')).toBe('new');
  });

  it('asks before writing a path the user never chose', async () => {
    const foreign = join(dir, 'elsewhere.txt');
    expect(await files.saveFile({ path: foreign, suggestedName: 'x', text: 'evil' })).toBeNull();
    expect(dialog.calls[0]).toMatchObject({ kind: 'save', options: { defaultPath: foreign } });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('adds .l7.json to a bare name and keeps suggested names inside the folder', async () => {
    dialog.saveResponses.push({ canceled: false, filePath: join(dir, 'bare') });
    expect(await files.saveFile({ path: null, suggestedName: '../../etc/passwd', text: 't' })).toMatchObject({ name: 'bare.l7.json' });
    expect(dialog.calls[0]!.options['defaultPath']).toBe(join(dir, 'passwd'));
    expect(safeFileName('a/b\\c:d?.l7.json', 'f')).toBe('c_d_.l7.json');
    expect(safeFileName('..', 'fallback')).toBe('fallback');
  });
});

describe('export', () => {
  it('exports PNG bytes through a PNG-only dialog', async () => {
    const target = join(dir, 'chart.png');
    dialog.saveResponses.push({ canceled: false, filePath: target });
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
    expect(await files.exportFile({ kind: 'png', suggestedName: 'chart', data: bytes })).toEqual({ path: target, name: 'chart.png' });
    expect(dialog.calls[0]!.options).toMatchObject({ defaultPath: join(dir, 'chart.png'), filters: [{ name: 'PNG image', extensions: ['png'] }] });
    expect([...readFileSync(target)]).toEqual([...bytes]);
  });

  it('exports SVG and JSON text, and gives null on cancel', async () => {
    dialog.saveResponses.push({ canceled: false, filePath: join(dir, 'chart') });
    expect(await files.exportFile({ kind: 'svg', suggestedName: 'chart.svg', data: '<svg/>' })).toMatchObject({ name: 'chart.svg' });
    expect(readFileSync(join(dir, 'chart.svg'), 'utf8')).toBe('<svg/>');
    dialog.saveResponses.push({ canceled: true });
    expect(await files.exportFile({ kind: 'json', suggestedName: 'trace.json', data: '{}' })).toBeNull();
  });

  it('exports CSV text through a CSV-only dialog, adding the extension', async () => {
    dialog.saveResponses.push({ canceled: false, filePath: join(dir, 'plot') });
    expect(await files.exportFile({ kind: 'csv', suggestedName: 'plot.csv', data: 'x,y\r\n1,2\r\n' })).toMatchObject({ name: 'plot.csv' });
    expect(dialog.calls[0]!.options).toMatchObject({ filters: [{ name: 'Comma-separated values (CSV)', extensions: ['csv'] }] });
    expect(readFileSync(join(dir, 'plot.csv'), 'utf8')).toBe('x,y\r\n1,2\r\n');
  });
});
