/**
 * `npm run fuzz`: bounded, deterministic fuzzing of the codecs, dissectors
 * and engines (targets.ts), in a worker thread under a hang watchdog
 * (watchdog.ts). Usage in cli.ts; the rules of a run in harness.ts.
 */
import { runWatched } from './watchdog';

process.exitCode = await runWatched(process.argv.slice(2), { out: (line) => console.log(line) });
