/**
 * The digests that pin every built-in lesson's output, for the optimisations
 * of issue 14: for each lesson and each seed in SEEDS, the SHA-256 of its
 * trace JSON and of its pcapng capture. A faster engine, a compact trace store
 * or a streaming writer must leave every one of them as it is
 * (src-core/scenario/trace-digests.test.ts); `npm run golden` rewrites them
 * with the stored traces, for a change that is a fix.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseScenarioText } from '../../src-core/scenario/load';
import { runScenario } from '../../src-core/scenario/runner';
import { traceToJson } from '../../src-core/trace/json';
import { traceToPcapng } from '../../src-core/trace/pcapng';

export const SEEDS = [1, 2, 3] as const;

export interface LessonDigests {
  /** By seed: the trace JSON's and the capture's SHA-256, hex. */
  readonly [seed: string]: { readonly json: string; readonly pcapng: string };
}

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

/** One lesson's digests at every seed of SEEDS. */
export function lessonDigests(lessonsDir: string, file: string): LessonDigests {
  const loaded = parseScenarioText(readFileSync(join(lessonsDir, file), 'utf8'));
  if (!loaded.ok) throw new Error(`${file} does not load`);
  const out: Record<string, { json: string; pcapng: string }> = {};
  for (const seed of SEEDS) {
    const trace = runScenario(loaded.scenario, { seed }).trace();
    out[String(seed)] = { json: sha256(traceToJson(trace)), pcapng: sha256(traceToPcapng(trace.events)) };
  }
  return out;
}

export function allDigests(lessonsDir: string): Record<string, LessonDigests> {
  const out: Record<string, LessonDigests> = {};
  for (const file of readdirSync(lessonsDir).filter((f) => f.endsWith('.l7.json')).sort()) out[file.replace('.l7.json', '')] = lessonDigests(lessonsDir, file);
  return out;
}
