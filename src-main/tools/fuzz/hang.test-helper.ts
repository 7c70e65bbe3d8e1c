/** Targets for watchdog.test.ts: one that never returns from its third input. */
import type { FuzzTarget } from './target';

export function allTargets(): FuzzTarget[] {
  let seen = 0;
  return [
    {
      name: 'fake.hangs',
      seeds: () => [new Uint8Array([1, 2, 3])],
      run(input) {
        if (++seen < 3) return 'ok';
        let spins = 0;
        while (input.length >= 0) spins++; // for ever: only the watchdog can end this
        return spins > 0 ? 'ok' : 'rejected';
      },
    },
  ];
}
