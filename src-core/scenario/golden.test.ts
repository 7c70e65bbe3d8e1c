// Every built-in lesson's trace is compared, byte for byte, with the trace the
// code gave before the protocol engines moved onto the shared driver
// (golden/*.trace.json.gz, gzipped: a bulk transfer's trace is megabytes of segment bytes; written by the code of commit 4b4de1a). A change to a
// stored trace must be a fix named in its commit; `npm run golden` rewrites them.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { traceToJson } from '../trace/json';
import { parseScenarioText } from './load';
import { runScenario } from './runner';

const LESSONS = join(__dirname, '../../resources/lessons');
const GOLDEN = join(__dirname, 'golden');
const lessons = readdirSync(LESSONS).filter((f) => f.endsWith('.l7.json')).sort();

/** The first line where two texts differ, for a readable failure. */
function firstDifference(a: string, b: string): string | null {
  const x = a.split('\n');
  const y = b.split('\n');
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    if (x[i] !== y[i]) return `line ${i + 1}:\n  now:    ${x[i] ?? '(none)'}\n  stored: ${y[i] ?? '(none)'}`;
  }
  return null;
}

describe.each(lessons)('lesson %s', (file) => {
  it('gives the stored trace', () => {
    const loaded = parseScenarioText(readFileSync(join(LESSONS, file), 'utf8'));
    if (!loaded.ok) throw new Error(`${file} does not load`);
    const now = traceToJson(runScenario(loaded.scenario).trace());
    const stored = gunzipSync(readFileSync(join(GOLDEN, file.replace('.l7.json', '.trace.json.gz')))).toString('utf8');
    expect(firstDifference(now, stored)).toBeNull();
  });
});
