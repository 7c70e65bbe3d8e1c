/**
 * Import this before anything that defines a zod schema (main.ts and the
 * worker import it first). zod compiles fast parsers with `new Function`
 * unless told not to, and probes for it when a schema is created; under our
 * CSP (no 'unsafe-eval') the probe is refused and logged as a console error.
 */
import { config } from 'zod';

config({ jitless: true });
