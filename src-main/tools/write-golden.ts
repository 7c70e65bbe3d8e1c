/**
 * `npm run golden`: rewrites src-core/scenario/golden/*.trace.json from the
 * built-in lessons. Run it only for a change to traces that is a fix, and
 * name each difference in the commit (golden.test.ts compares against them).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseScenarioText } from '../../src-core/scenario/load';
import { runScenario } from '../../src-core/scenario/runner';
import { traceToJson } from '../../src-core/trace/json';
import { writeFileAtomic } from '../files/atomic-write';

const lessons = 'resources/lessons';
const golden = 'src-core/scenario/golden';
for (const file of readdirSync(lessons).filter((f) => f.endsWith('.l7.json')).sort()) {
  const loaded = parseScenarioText(readFileSync(join(lessons, file), 'utf8'));
  if (!loaded.ok) throw new Error(`${file} does not load`);
  const target = join(golden, file.replace('.l7.json', '.trace.json'));
  const text = traceToJson(runScenario(loaded.scenario).trace());
  const before = readFileSync(target, { encoding: 'utf8', flag: 'a+' });
  await writeFileAtomic(target, text);
  console.log(`${before === text ? 'same   ' : 'changed'} ${target}`);
}
