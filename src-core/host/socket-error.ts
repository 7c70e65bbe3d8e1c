/**
 * A socket call the host cannot do (a port already taken, no ephemeral port
 * left). Thrown by the stack's socket calls; the engine driver turns it into
 * a `failed` stream event the engine sees and traces, never an exception that
 * ends a run.
 */
import type { SocketErrorCode } from '../engine/face';

export class SocketError extends Error {
  override readonly name = 'SocketError';

  constructor(
    readonly code: SocketErrorCode,
    message: string,
  ) {
    super(message);
  }
}
