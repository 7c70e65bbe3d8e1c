/**
 * Every fuzz target, one list: the codecs and dissectors of each protocol
 * (a file each), and the engines of every lesson, driven through the engine
 * face (face-targets.ts finds them in the registry: a new protocol module's
 * engines need no line here).
 *
 * Targets are made fresh by each call: they keep state (an engine fed many
 * inputs), so a replay or a test gets its own.
 */
import { dissectTargets } from './dissect-all';
import { dnsTargets } from './dns';
import { faceTargets } from './face-targets';
import { httpTargets } from './http';
import { imapTargets } from './imap';
import { lessonTargets } from './lessons';
import { mailTargets } from './mail';
import { pop3Targets } from './pop3';
import { smtpTargets } from './smtp';
import { socketsTargets } from './sockets';
import type { FuzzTarget } from './target';
import { transportTargets } from './transport';

export function allTargets(): FuzzTarget[] {
  return [...faceTargets(), ...dnsTargets(), ...transportTargets(), ...socketsTargets(), ...httpTargets(), ...mailTargets(), ...smtpTargets(), ...pop3Targets(), ...imapTargets(), ...lessonTargets(), ...dissectTargets()];
}
