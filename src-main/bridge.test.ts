import { beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC, type L7Host, type MenuCommand, type RunEvent } from '../src-core/api/contract';
import { createBridge, fromRemoteError, HOST_MEMBERS } from './bridge';
import { contextBridge, ipcRenderer, resetFakeElectron } from './test-support/fake-electron';

vi.mock('electron', () => import('./test-support/fake-electron'));

beforeEach(resetFakeElectron);

const CONTRACT: readonly (keyof L7Host)[] = [
  'kind',
  'listLessons',
  'openLesson',
  'openFile',
  'saveFile',
  'exportFile',
  'startRun',
  'cancelRun',
  'onRunEvent',
  'onMenuCommand',
];

describe('the bridge', () => {
  it('has exactly the contract’s members: kind and functions, nothing else', () => {
    const host = createBridge(ipcRenderer);
    expect(Object.keys(host).sort()).toEqual([...CONTRACT].sort());
    expect([...HOST_MEMBERS].sort()).toEqual([...CONTRACT].sort());
    expect(host.kind).toBe('electron');
    for (const key of CONTRACT.filter((k) => k !== 'kind')) expect(typeof host[key], key).toBe('function');
    expect(Object.values(host)).not.toContain(ipcRenderer);
  });

  it('forwards each request to its channel with its argument', async () => {
    const host = createBridge(ipcRenderer);
    ipcRenderer.respond = (channel) => Promise.resolve(channel === IPC.listLessons ? [{ id: 'a', title: 'A', description: '' }] : undefined);
    expect(await host.listLessons()).toEqual([{ id: 'a', title: 'A', description: '' }]);
    await host.openLesson('sockets-tcp');
    await host.openFile();
    await host.saveFile({ path: null, suggestedName: 's', text: 't' });
    await host.exportFile({ kind: 'svg', suggestedName: 'c.svg', data: '<svg/>' });
    await host.startRun({ runId: 'r', scenario: {} });
    await host.cancelRun('r');
    expect(ipcRenderer.invocations).toEqual([
      { channel: IPC.listLessons, args: [] },
      { channel: IPC.openLesson, args: ['sockets-tcp'] },
      { channel: IPC.openFile, args: [] },
      { channel: IPC.saveFile, args: [{ path: null, suggestedName: 's', text: 't' }] },
      { channel: IPC.exportFile, args: [{ kind: 'svg', suggestedName: 'c.svg', data: '<svg/>' }] },
      { channel: IPC.startRun, args: [{ runId: 'r', scenario: {} }] },
      { channel: IPC.cancelRun, args: ['r'] },
    ]);
  });

  it('passes listeners the payload only, and unsubscribes', () => {
    const host = createBridge(ipcRenderer);
    const runEvents: unknown[][] = [];
    const commands: MenuCommand[] = [];
    const stopRun = host.onRunEvent((...args: unknown[]) => runEvents.push(args));
    const stopMenu = host.onMenuCommand((c) => commands.push(c));
    const event: RunEvent = { type: 'run.progress', runId: 'r', progress: { simTime: 1, endTime: 2, kernelEvents: 3, traceEvents: 4 } };
    const ipcEvent = { sender: ipcRenderer, senderId: 0 };
    ipcRenderer.emit(IPC.runEvent, ipcEvent, event);
    ipcRenderer.emit(IPC.menuCommand, ipcEvent, 'file.save');
    expect(runEvents).toEqual([[event]]);
    expect(commands).toEqual(['file.save']);
    stopRun();
    stopMenu();
    expect(ipcRenderer.listenerCount(IPC.runEvent)).toBe(0);
    expect(ipcRenderer.listenerCount(IPC.menuCommand)).toBe(0);
    ipcRenderer.emit(IPC.runEvent, ipcEvent, event);
    expect(runEvents).toHaveLength(1);
  });

  it('unsubscribes one listener without touching another', () => {
    const host = createBridge(ipcRenderer);
    const a: MenuCommand[] = [];
    const b: MenuCommand[] = [];
    const stopA = host.onMenuCommand((c) => a.push(c));
    host.onMenuCommand((c) => b.push(c));
    stopA();
    ipcRenderer.emit(IPC.menuCommand, {}, 'run.start');
    expect(a).toEqual([]);
    expect(b).toEqual(['run.start']);
  });

  it('restores the main process’s error name and message', async () => {
    const host = createBridge(ipcRenderer);
    ipcRenderer.respond = () => Promise.reject(new Error("Error invoking remote method 'l7:openLesson': ArgumentError: openLesson: id must be a string, got number"));
    await expect(host.openLesson('x')).rejects.toMatchObject({ name: 'ArgumentError', message: 'openLesson: id must be a string, got number' });
    expect(fromRemoteError(new Error("Error invoking remote method 'l7:openFile': Error: disk full"))).toMatchObject({ name: 'Error', message: 'disk full' });
    expect(fromRemoteError(new Error("Error invoking remote method 'l7:openFile': something odd"))).toMatchObject({ name: 'Error', message: 'something odd' });
    expect(fromRemoteError('plain')).toMatchObject({ message: 'plain' });
  });
});

describe('the preload', () => {
  it('exposes the bridge as window.l7 and nothing else', async () => {
    await import('./preload');
    expect([...contextBridge.exposed.keys()]).toEqual(['l7']);
    const l7 = contextBridge.exposed.get('l7') as L7Host;
    expect(Object.keys(l7).sort()).toEqual([...CONTRACT].sort());
    expect(l7.kind).toBe('electron');
  });
});
