import type { BrowserWindow } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC, type RunEvent } from '../../src-core/api/contract';
import { FakeBrowserWindow, FakeWebContents, fakeInvokeEvent, ipcMain, resetFakeElectron } from '../test-support/fake-electron';
import { registerIpcHandlers, sendMenuCommand, sendRunEvent, type HostServices } from './handlers';

vi.mock('electron', () => import('../test-support/fake-electron'));

const REQUEST_CHANNELS = [IPC.listLessons, IPC.openLesson, IPC.openFile, IPC.saveFile, IPC.exportFile, IPC.startRun, IPC.cancelRun];

function services(): HostServices & { calls: unknown[][] } {
  const calls: unknown[][] = [];
  return {
    calls,
    listLessons: async () => (calls.push(['listLessons']), [{ id: 'l', title: 'L', description: '' }]),
    openLesson: async (id) => (calls.push(['openLesson', id]), { path: null, name: `${id}.l7.json`, text: '{}' }),
    openFile: async () => (calls.push(['openFile']), null),
    saveFile: async (r) => (calls.push(['saveFile', r]), { path: '/x', name: 'x' }),
    exportFile: async (r) => (calls.push(['exportFile', r]), null),
    startRun: (r) => void calls.push(['startRun', r]),
    cancelRun: (id) => void calls.push(['cancelRun', id]),
  };
}

let window: FakeBrowserWindow;
let host: ReturnType<typeof services>;
let unregister: () => void;

beforeEach(() => {
  resetFakeElectron();
  window = new FakeBrowserWindow();
  host = services();
  unregister = registerIpcHandlers({ getWindow: () => window as unknown as BrowserWindow, devUrl: null, services: host });
});

const ours = () => fakeInvokeEvent(window.webContents, 'app://l7/index.html');

describe('IPC handlers', () => {
  it('handles exactly the contract’s request channels, and can remove them', () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...REQUEST_CHANNELS].sort());
    unregister();
    expect(ipcMain.handlers.size).toBe(0);
  });

  it('serves the app’s own page', async () => {
    expect(await ipcMain.invoke(IPC.listLessons, ours())).toEqual([{ id: 'l', title: 'L', description: '' }]);
    expect(await ipcMain.invoke(IPC.openLesson, ours(), 'sockets-tcp')).toMatchObject({ name: 'sockets-tcp.l7.json' });
    expect(await ipcMain.invoke(IPC.startRun, ours(), { runId: 'r1', scenario: { a: 1 }, seed: 3 })).toBeUndefined();
    expect(await ipcMain.invoke(IPC.cancelRun, ours(), 'r1')).toBeUndefined();
    expect(await ipcMain.invoke(IPC.saveFile, ours(), { path: null, suggestedName: 'a', text: 't' })).toEqual({ path: '/x', name: 'x' });
    expect(host.calls).toEqual([
      ['listLessons'],
      ['openLesson', 'sockets-tcp'],
      ['startRun', { runId: 'r1', scenario: { a: 1 }, seed: 3 }],
      ['cancelRun', 'r1'],
      ['saveFile', { path: null, suggestedName: 'a', text: 't' }],
    ]);
  });

  it('refuses a foreign sender on every channel', async () => {
    const other = new FakeWebContents();
    const foreign = [
      fakeInvokeEvent(other, 'app://l7/index.html'), // another web contents
      fakeInvokeEvent(window.webContents, 'https://evil.example/'), // our window, navigated away
      fakeInvokeEvent(window.webContents, 'file:///tmp/x.html'),
      fakeInvokeEvent(window.webContents, 'http://localhost:5173/'), // a dev server, but not in development
      fakeInvokeEvent(window.webContents, 'app://l7/frame.html', true), // a subframe
      fakeInvokeEvent(window.webContents, null), // frame gone
    ];
    for (const event of foreign) {
      for (const channel of REQUEST_CHANNELS) {
        await expect(ipcMain.invoke(channel, event, 'x'), `${channel} ${JSON.stringify(event.senderFrame?.url)}`).rejects.toMatchObject({
          name: 'ForbiddenSenderError',
          message: expect.stringMatching(/refused, the request did not come from L7 Lab's own page$/),
        });
      }
    }
    expect(host.calls).toEqual([]);
  });

  it('refuses requests once the window is gone', async () => {
    window.destroy();
    await expect(ipcMain.invoke(IPC.listLessons, ours())).rejects.toMatchObject({ name: 'ForbiddenSenderError' });
  });

  it('trusts the dev server in development', async () => {
    unregister();
    registerIpcHandlers({ getWindow: () => window as unknown as BrowserWindow, devUrl: 'http://localhost:5173', services: host });
    expect(await ipcMain.invoke(IPC.listLessons, fakeInvokeEvent(window.webContents, 'http://localhost:5173/'))).toHaveLength(1);
    await expect(ipcMain.invoke(IPC.listLessons, fakeInvokeEvent(window.webContents, 'http://localhost:8080/'))).rejects.toThrow(/refused/);
  });

  it('refuses bad arguments with an error naming them', async () => {
    await expect(ipcMain.invoke(IPC.openLesson, ours(), 42)).rejects.toMatchObject({ name: 'ArgumentError', message: 'openLesson: id must be a string, got number' });
    await expect(ipcMain.invoke(IPC.openLesson, ours())).rejects.toThrow('openLesson: id must be a string, got undefined');
    await expect(ipcMain.invoke(IPC.saveFile, ours(), { path: null, suggestedName: 'a' })).rejects.toThrow('saveFile: request.text must be a string, got undefined');
    await expect(ipcMain.invoke(IPC.exportFile, ours(), { kind: 'exe', suggestedName: 'a', data: '' })).rejects.toThrow(/exportFile: request.kind/);
    await expect(ipcMain.invoke(IPC.startRun, ours(), { runId: 1, scenario: {} })).rejects.toThrow('startRun: runId must be a string, got number');
    await expect(ipcMain.invoke(IPC.startRun, ours(), 'scenario')).rejects.toThrow('startRun: request must be an object, got string');
    await expect(ipcMain.invoke(IPC.cancelRun, ours(), { runId: 'r' })).rejects.toThrow('cancelRun: runId must be a string, got object');
    expect(host.calls).toEqual([]);
  });
});

describe('events to the window', () => {
  it('sends run events and menu commands on their channels, and nothing to a closed window', () => {
    const event: RunEvent = { type: 'run.failed', runId: 'r', error: { name: 'E', message: 'm' } };
    sendRunEvent(window as unknown as BrowserWindow, event);
    sendMenuCommand(window as unknown as BrowserWindow, 'run.start');
    expect(window.webContents.sent).toEqual([
      { channel: IPC.runEvent, args: [event] },
      { channel: IPC.menuCommand, args: ['run.start'] },
    ]);
    window.destroy();
    expect(() => sendRunEvent(window as unknown as BrowserWindow, event)).not.toThrow();
    sendMenuCommand(null, 'run.start');
  });
});
