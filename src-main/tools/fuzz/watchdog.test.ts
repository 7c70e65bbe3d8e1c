// The watchdog stops a target that never returns and says which input it
// was. The target loops for ever, so this does not depend on speed; the
// limit is short only to keep the test short.
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { runWatched } from './watchdog';

const helper = fileURLToPath(new URL('./hang.test-helper.ts', import.meta.url));

describe('the hang watchdog', () => {
  it('stops the fuzzing thread on a hung input and prints how to replay it', async () => {
    const lines: string[] = [];
    const status = await runWatched(['--total', '10', '--seed', '5'], { out: (l) => lines.push(l), targets: helper, hangMs: 300, pollMs: 50 });
    expect(status).toBe(1);
    expect(lines[0]).toMatch(/^fuzz: HUNG: fake\.hangs made no progress for 0\.3 s on input #2 \(\d+ bytes\)/);
    expect(lines[1]).toMatch(/^ {4}reproduce: npm run fuzz -- --target fake\.hangs --replay [0-9a-f]*/);
    expect(lines[2]).toBe('    or the run itself: npm run fuzz -- --target fake.hangs --seed 5 --total 3');
  });

  it('passes on the thread\'s exit status and output', async () => {
    const lines: string[] = [];
    expect(await runWatched(['--list'], { out: (l) => lines.push(l), targets: helper })).toBe(0);
    expect(lines).toEqual(['fake.hangs']);
    expect(await runWatched(['--nope'], { out: () => {}, targets: helper })).toBe(2);
  });
});
