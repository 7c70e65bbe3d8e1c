/**
 * Every fuzz target, one list. A new protocol adds a file with its targets
 * and one line here; a new engine adds one `engineTarget({...})` entry to
 * its protocol's file (engine.ts).
 *
 * Targets are made fresh by each call: they keep state (an engine fed many
 * inputs), so a replay or a test gets its own.
 */
import { dissectTargets } from './dissect-all';
import { dnsTargets } from './dns';
import { socketsTargets } from './sockets';
import type { FuzzTarget } from './target';
import { transportTargets } from './transport';

export function allTargets(): FuzzTarget[] {
  return [...dnsTargets(), ...transportTargets(), ...socketsTargets(), ...dissectTargets()];
}
