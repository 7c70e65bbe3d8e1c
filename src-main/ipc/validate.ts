/**
 * Runtime checks of what the renderer sends. The renderer is typed against
 * the contract, but the main process never trusts the other side: every
 * argument is checked with plain typeof tests, and a bad one is refused with
 * an ArgumentError naming the request and the argument ("saveFile:
 * request.text must be a string, got number"). The error crosses IPC as
 * "ArgumentError: …" and bridge.ts turns it back into an Error of that name.
 */
import type { ExportKind, ExportRequest, RunRequest, SaveRequest } from '../../src-core/api/contract';

export class ArgumentError extends Error {
  override readonly name = 'ArgumentError';
}

export const MAX_RUN_ID_LENGTH = 200;
const EXPORT_KINDS: readonly ExportKind[] = ['png', 'svg', 'json', 'pcapng', 'csv'];

export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (value instanceof Uint8Array) return 'bytes';
  return typeof value;
}

function fail(request: string, name: string, expected: string, value: unknown): never {
  throw new ArgumentError(`${request}: ${name} must be ${expected}, got ${describeValue(value)}`);
}

function record(request: string, name: string, value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || value instanceof Uint8Array) {
    fail(request, name, 'an object', value);
  }
  return value as Record<string, unknown>;
}

export function expectString(request: string, name: string, value: unknown): string {
  if (typeof value !== 'string') fail(request, name, 'a string', value);
  return value;
}

function expectStringOrNull(request: string, name: string, value: unknown): string | null {
  if (value !== null && typeof value !== 'string') fail(request, name, 'a string or null', value);
  return value;
}

export function expectRunId(request: string, value: unknown): string {
  const runId = expectString(request, 'runId', value);
  if (runId.length === 0 || runId.length > MAX_RUN_ID_LENGTH) {
    throw new ArgumentError(`${request}: runId must be 1 to ${MAX_RUN_ID_LENGTH} characters, got ${runId.length}`);
  }
  return runId;
}

export function parseSaveRequest(value: unknown): SaveRequest {
  const r = record('saveFile', 'request', value);
  return {
    path: expectStringOrNull('saveFile', 'request.path', r['path']),
    suggestedName: expectString('saveFile', 'request.suggestedName', r['suggestedName']),
    text: expectString('saveFile', 'request.text', r['text']),
  };
}

export function parseExportRequest(value: unknown): ExportRequest {
  const r = record('exportFile', 'request', value);
  const kind = r['kind'];
  if (typeof kind !== 'string' || !(EXPORT_KINDS as readonly string[]).includes(kind)) {
    fail('exportFile', 'request.kind', '"png", "svg", "json", "pcapng" or "csv"', kind);
  }
  const data = r['data'];
  if (typeof data !== 'string' && !(data instanceof Uint8Array)) fail('exportFile', 'request.data', 'a string or bytes', data);
  return { kind: kind as ExportKind, suggestedName: expectString('exportFile', 'request.suggestedName', r['suggestedName']), data };
}

export function parseRunRequest(value: unknown): RunRequest {
  const r = record('startRun', 'request', value);
  const runId = expectRunId('startRun', r['runId']);
  const seed = r['seed'];
  if (seed === undefined) return { runId, scenario: r['scenario'] };
  if (typeof seed !== 'number' || !Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    fail('startRun', 'request.seed', 'an integer from 0 to 4294967295 or absent', seed);
  }
  return { runId, scenario: r['scenario'], seed };
}
