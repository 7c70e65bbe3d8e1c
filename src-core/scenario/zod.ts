/**
 * zod, configured once for every place src-core uses it: import `z` from
 * here, never from 'zod' directly.
 *
 * jitless: zod would otherwise compile fast parsers with `new Function` and
 * probe for it when a schema is created; the app's Content-Security-Policy
 * (no 'unsafe-eval') refuses that and logs a console error. Our scenarios
 * are small, so the interpreted parser is fast enough.
 */
import { config, z } from 'zod';

config({ jitless: true });

export { z };
export type { ZodType } from 'zod';
