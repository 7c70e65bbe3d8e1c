/**
 * The web host: L7Host in a plain browser page. Scenarios run in a module
 * Web Worker (runner.worker.ts, the same RunnerEndpoint as in Electron);
 * lessons are bundled into the page; files open through a file input and
 * save as downloads. There is no native menu, so onMenuCommand never fires
 * (keyboard shortcuts are the renderer's own in this host).
 */
import type { L7Host, MenuCommand, RunEvent, Unsubscribe } from '../../src-core/api/contract';
import type { RunnerMessage } from '../../src-core/api/worker-protocol';
import { t } from '../i18n/translate';
import { HandleFiles, filePickersOf, type FilePickers } from './file-handles';
import { EXPORT_MIME_TYPES, downloadBlob, pickTextFile } from './files';
import { lessonFileName, lessonsFromModules } from './lessons';
import { WorkerRunner, type WorkerCallbacks, type WorkerFactory, type WorkerHandle } from './worker-runner';

const LESSON_TEXTS = import.meta.glob<string>('../../resources/lessons/*.l7.json', {
  query: '?raw',
  import: 'default',
  eager: true,
});

export const OPEN_ACCEPT = '.l7.json,.json';

export interface WebHostOptions {
  readonly createWorker?: WorkerFactory;
  readonly lessonTexts?: Readonly<Record<string, string>>;
  /** The File System Access pickers; by default the window's, when it has them (null: use the input and downloads). */
  readonly pickers?: FilePickers | null;
}

export function createWebHost(options: WebHostOptions = {}): L7Host {
  const lessons = lessonsFromModules(options.lessonTexts ?? LESSON_TEXTS);
  const runner = new WorkerRunner(options.createWorker ?? browserWorker);
  const pickers = options.pickers === undefined ? filePickersOf(globalThis) : options.pickers;
  const handles = pickers && new HandleFiles(pickers);

  return {
    kind: 'web',
    listLessons: () => Promise.resolve(lessons.map((lesson) => lesson.info)),
    openLesson: (id) => {
      const lesson = lessons.find((l) => l.info.id === id);
      if (!lesson) return Promise.reject(new Error(t('host.noLesson', { id })));
      return Promise.resolve({ path: null, name: lessonFileName(id), text: lesson.text });
    },
    openFile: async () => {
      if (handles) return handles.open();
      const picked = await pickTextFile(OPEN_ACCEPT);
      return picked && { path: null, name: picked.name, text: picked.text };
    },
    saveFile: (request) => {
      if (handles) return handles.save(request);
      downloadBlob(new Blob([request.text], { type: EXPORT_MIME_TYPES.json }), request.suggestedName);
      return Promise.resolve({ path: null, name: request.suggestedName });
    },
    exportFile: (request) => {
      const part = typeof request.data === 'string' ? request.data : new Uint8Array(request.data);
      downloadBlob(new Blob([part], { type: EXPORT_MIME_TYPES[request.kind] }), request.suggestedName);
      return Promise.resolve({ path: null, name: request.suggestedName });
    },
    startRun: (request) => {
      runner.start(request);
      return Promise.resolve();
    },
    cancelRun: (runId) => {
      runner.cancel(runId);
      return Promise.resolve();
    },
    onRunEvent: (listener: (event: RunEvent) => void): Unsubscribe => runner.onRunEvent(listener),
    onMenuCommand: (_listener: (command: MenuCommand) => void): Unsubscribe => () => {},
  };
}

function browserWorker(callbacks: WorkerCallbacks): WorkerHandle {
  const worker = new Worker(new URL('./runner.worker.ts', import.meta.url), { type: 'module', name: 'l7-runner' });
  worker.onmessage = (event: MessageEvent<RunnerMessage>) => callbacks.message(event.data);
  worker.onerror = (event) => {
    event.preventDefault();
    callbacks.crash({ name: 'WorkerError', message: event.message || t('host.runnerStopped') });
  };
  worker.onmessageerror = () => callbacks.crash({ name: 'DataCloneError', message: t('host.runnerUnreadable') });
  return {
    post: (request) => worker.postMessage(request),
    terminate: () => worker.terminate(),
  };
}
