/**
 * The preload of the sandboxed renderer (built as CommonJS: a sandboxed
 * preload cannot load ES modules). It exposes the host contract as
 * `window.l7` and nothing else.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge';

contextBridge.exposeInMainWorld('l7', createBridge(ipcRenderer));
