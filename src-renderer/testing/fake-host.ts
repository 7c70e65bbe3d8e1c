/**
 * A host for tests: records every request, answers with what the test set
 * up, and lets the test emit run events and menu commands.
 */
import type {
  L7Host,
  LessonInfo,
  MenuCommand,
  OpenedFile,
  RunEvent,
  RunRequest,
  SavedFile,
  SaveRequest,
  ExportRequest,
} from '../../src-core/api/contract';

export interface FakeHost extends L7Host {
  readonly calls: { method: string; arg?: unknown }[];
  readonly runs: RunRequest[];
  readonly saves: SaveRequest[];
  readonly exports: ExportRequest[];
  lessons: Record<string, OpenedFile>;
  nextOpenFile: OpenedFile | null;
  nextSave: (request: SaveRequest) => SavedFile | null;
  emitRun(event: RunEvent): void;
  emitMenu(command: MenuCommand): void;
}

export function createFakeHost(kind: 'web' | 'electron' = 'web'): FakeHost {
  const runListeners = new Set<(e: RunEvent) => void>();
  const menuListeners = new Set<(c: MenuCommand) => void>();
  const host: FakeHost = {
    kind,
    calls: [],
    runs: [],
    saves: [],
    exports: [],
    lessons: {},
    nextOpenFile: null,
    nextSave: (request) => ({ path: request.path ?? `/home/student/${request.suggestedName}`, name: request.suggestedName }),
    listLessons: () => {
      host.calls.push({ method: 'listLessons' });
      const infos: LessonInfo[] = Object.keys(host.lessons).map((id) => ({ id, title: id, description: '' }));
      return Promise.resolve(infos);
    },
    openLesson: (id) => {
      host.calls.push({ method: 'openLesson', arg: id });
      const lesson = host.lessons[id];
      return lesson ? Promise.resolve(lesson) : Promise.reject(new Error(`there is no lesson "${id}"`));
    },
    openFile: () => {
      host.calls.push({ method: 'openFile' });
      return Promise.resolve(host.nextOpenFile);
    },
    saveFile: (request) => {
      host.calls.push({ method: 'saveFile', arg: request });
      host.saves.push(request);
      return Promise.resolve(host.nextSave(request));
    },
    exportFile: (request) => {
      host.calls.push({ method: 'exportFile', arg: request });
      host.exports.push(request);
      return Promise.resolve({ path: null, name: request.suggestedName });
    },
    startRun: (request) => {
      host.calls.push({ method: 'startRun', arg: request });
      host.runs.push(request);
      return Promise.resolve();
    },
    cancelRun: (runId) => {
      host.calls.push({ method: 'cancelRun', arg: runId });
      return Promise.resolve();
    },
    onRunEvent: (listener) => {
      runListeners.add(listener);
      return () => runListeners.delete(listener);
    },
    onMenuCommand: (listener) => {
      menuListeners.add(listener);
      return () => menuListeners.delete(listener);
    },
    emitRun: (event) => runListeners.forEach((l) => l(event)),
    emitMenu: (command) => menuListeners.forEach((l) => l(command)),
  };
  return host;
}
