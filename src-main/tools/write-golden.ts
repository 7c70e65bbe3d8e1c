/**
 * `npm run golden`: rewrites src-core/scenario/golden/*.trace.json.gz from the
 * built-in lessons, and digests.json (each lesson's trace JSON and pcapng
 * digests at seeds 1–3, trace-digests.ts). Run it only for a change to traces
 * that is a fix, and name each difference in the commit (golden.test.ts and
 * trace-digests.test.ts compare against them).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { parseScenarioText } from '../../src-core/scenario/load';
import { runScenario } from '../../src-core/scenario/runner';
import { traceToJson } from '../../src-core/trace/json';
import { writeFileAtomic } from '../files/atomic-write';
import { allDigests } from './trace-digests';

const lessons = 'resources/lessons';
const golden = 'src-core/scenario/golden';
for (const file of readdirSync(lessons).filter((f) => f.endsWith('.l7.json')).sort()) {
  const loaded = parseScenarioText(readFileSync(join(lessons, file), 'utf8'));
  if (!loaded.ok) throw new Error(`${file} does not load`);
  const target = join(golden, file.replace('.l7.json', '.trace.json.gz'));
  const text = traceToJson(runScenario(loaded.scenario).trace());
  const stored = readFileSync(target, { flag: 'a+' });
  const before = stored.length > 0 ? gunzipSync(stored).toString('utf8') : '';
  // Level 9, and Node writes no time into the gzip header: the same trace gives the same file.
  if (before !== text) await writeFileAtomic(target, gzipSync(text, { level: 9 }));
  console.log(`${before === text ? 'same   ' : 'changed'} ${target}`);
}

const digestsFile = join(golden, 'digests.json');
const digests = `${JSON.stringify(allDigests(lessons), null, 2)}\n`;
const storedDigests = readFileSync(digestsFile, { flag: 'a+' }).toString('utf8');
if (storedDigests !== digests) await writeFileAtomic(digestsFile, digests);
console.log(`${storedDigests === digests ? 'same   ' : 'changed'} ${digestsFile}`);
