import { describe, expect, it } from 'vitest';
import { fileLocation } from '../../src-core/api/contract';
import { HandleFiles, filePickersOf, type FileHandleLike, type FilePickers, type WritableLike } from './file-handles';

/** A file on a pretend disk: its text changes only when a writable stream is closed (as Chromium's swap file). */
class PretendFile implements FileHandleLike {
  writes = 0;
  permission: PermissionState = 'granted';
  failNextWrite = false;
  constructor(readonly name: string, public text = '') {}
  getFile() {
    return Promise.resolve(new File([this.text], this.name));
  }
  createWritable(): Promise<WritableLike> {
    let pending = '';
    return Promise.resolve({
      write: (data: string) => {
        if (this.failNextWrite) return Promise.reject(new Error('the disk is full'));
        pending += data;
        return Promise.resolve();
      },
      close: () => {
        this.text = pending;
        this.writes++;
        return Promise.resolve();
      },
      abort: () => Promise.resolve(),
    });
  }
  queryPermission() {
    return Promise.resolve(this.permission);
  }
  requestPermission() {
    return Promise.resolve(this.permission);
  }
}

const abort = () => Object.assign(new Error('The user aborted a request.'), { name: 'AbortError' });

/** Pickers that hand out the queued files, or cancel when the queue is empty. */
function pretendPickers() {
  const toOpen: PretendFile[] = [];
  const toSave: PretendFile[] = [];
  const suggested: string[] = [];
  const pickers: FilePickers = {
    showOpenFilePicker: () => {
      const next = toOpen.shift();
      return next ? Promise.resolve([next]) : Promise.reject(abort());
    },
    showSaveFilePicker: (options) => {
      suggested.push(options.suggestedName);
      const next = toSave.shift();
      return next ? Promise.resolve(next) : Promise.reject(abort());
    },
  };
  return { pickers, toOpen, toSave, suggested };
}

describe('HandleFiles', () => {
  it('opens a file with a handle key, and Save writes back to it without asking', async () => {
    const { pickers, toOpen, suggested } = pretendPickers();
    const disk = new PretendFile('dns.l7.json', '{"a": 1}');
    toOpen.push(disk);
    const files = new HandleFiles(pickers);
    const opened = await files.open();
    expect(opened).toEqual({ path: 'handle:1', name: 'dns.l7.json', text: '{"a": 1}' });
    const saved = await files.save({ path: opened!.path, suggestedName: 'dns.l7.json', text: '{"a": 2}' });
    expect(saved).toEqual({ path: 'handle:1', name: 'dns.l7.json' });
    expect(disk.text).toBe('{"a": 2}');
    expect(suggested).toEqual([]);
    expect(fileLocation(saved!)).toBe('dns.l7.json');
  });

  it('Save As (no key) asks with the suggested name and keeps the chosen file for the next Save', async () => {
    const { pickers, toSave, suggested } = pretendPickers();
    const chosen = new PretendFile('mine.l7.json');
    toSave.push(chosen);
    const files = new HandleFiles(pickers);
    const saved = await files.save({ path: null, suggestedName: 'new-scenario.l7.json', text: 'one' });
    expect(saved).toEqual({ path: 'handle:1', name: 'mine.l7.json' });
    expect(suggested).toEqual(['new-scenario.l7.json']);
    await files.save({ path: 'handle:1', suggestedName: 'mine.l7.json', text: 'two' });
    expect(chosen.text).toBe('two');
    expect(suggested).toHaveLength(1);
  });

  it('a key it does not know (recovered after a reload) asks where to save', async () => {
    const { pickers, toSave, suggested } = pretendPickers();
    toSave.push(new PretendFile('again.l7.json'));
    const saved = await new HandleFiles(pickers).save({ path: 'handle:7', suggestedName: 'lab.l7.json', text: 'x' });
    expect(saved?.name).toBe('again.l7.json');
    expect(suggested).toEqual(['lab.l7.json']);
  });

  it('cancelling either picker gives null, not an error', async () => {
    const files = new HandleFiles(pretendPickers().pickers);
    expect(await files.open()).toBeNull();
    expect(await files.save({ path: null, suggestedName: 'a.l7.json', text: '' })).toBeNull();
  });

  it('when write permission to an opened file is refused, asks where to save instead', async () => {
    const { pickers, toOpen, toSave } = pretendPickers();
    const readOnly = new PretendFile('lesson.l7.json', 'old');
    readOnly.permission = 'denied';
    toOpen.push(readOnly);
    const elsewhere = new PretendFile('copy.l7.json');
    toSave.push(elsewhere);
    const files = new HandleFiles(pickers);
    const opened = await files.open();
    const saved = await files.save({ path: opened!.path, suggestedName: 'lesson.l7.json', text: 'new' });
    expect(saved).toEqual({ path: 'handle:2', name: 'copy.l7.json' });
    expect([readOnly.text, elsewhere.text]).toEqual(['old', 'new']);
  });

  it('a failed write leaves the file as it was and says so', async () => {
    const { pickers, toOpen } = pretendPickers();
    const disk = new PretendFile('dns.l7.json', 'before');
    toOpen.push(disk);
    const files = new HandleFiles(pickers);
    const opened = await files.open();
    disk.failNextWrite = true;
    await expect(files.save({ path: opened!.path, suggestedName: 'dns.l7.json', text: 'after' })).rejects.toThrow(
      'could not write dns.l7.json: the disk is full; the file on disk is unchanged',
    );
    expect([disk.text, disk.writes]).toEqual(['before', 0]);
  });

  it('refuses a binary file as files.ts does, naming it', async () => {
    const { pickers, toOpen } = pretendPickers();
    toOpen.push(new PretendFile('trace.pcapng', '\n\r\r\n\u001c\u0000\u0000\u0000'));
    await expect(new HandleFiles(pickers).open()).rejects.toThrow(/^trace\.pcapng: not a text file/);
  });
});

describe('filePickersOf', () => {
  it('needs both pickers, and calls them on the window', async () => {
    expect(filePickersOf({})).toBeNull();
    expect(filePickersOf({ showOpenFilePicker: () => {} })).toBeNull();
    const scope = {
      showOpenFilePicker(this: unknown) {
        return Promise.resolve(this === scope ? [] : null);
      },
      showSaveFilePicker() {
        return Promise.reject(new Error('no'));
      },
    };
    const pickers = filePickersOf(scope);
    expect(await pickers!.showOpenFilePicker({ types: [], multiple: false, id: 'x' })).toEqual([]);
  });
});

describe('fileLocation', () => {
  it('shows an Electron path, and the name for a handle key or no path', () => {
    expect(fileLocation({ path: '/home/ada/dns.l7.json', name: 'dns.l7.json' })).toBe('/home/ada/dns.l7.json');
    expect(fileLocation({ path: 'handle:3', name: 'dns.l7.json' })).toBe('dns.l7.json');
    expect(fileLocation({ path: null, name: 'new.l7.json' })).toBe('new.l7.json');
  });
});
