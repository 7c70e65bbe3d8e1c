/**
 * The TCP connection state machine (RFC 9293 §3.3.2, Figure 5).
 *
 * Everything that decides *which* state a connection may move to lives here;
 * `connection.ts` decides *when* and checks every move against this table.
 * A move missing from the table is a bug in the connection, not a peer
 * error: peer errors are answered by dropping the segment, an ACK or a RST.
 *
 *   CLOSED      → SYN_SENT     active open (connect), SYN sent
 *   LISTEN      → SYN_RCVD     SYN received (handled by the host's listener:
 *                              `TcpConnection.acceptSyn` starts in SYN_RCVD)
 *   SYN_SENT    → ESTABLISHED  SYN,ACK received, ACK sent
 *               → SYN_RCVD     SYN received (simultaneous open), SYN,ACK sent
 *   SYN_RCVD    → ESTABLISHED  ACK of our SYN received
 *               → FIN_WAIT_1   close() with nothing queued, FIN sent
 *   ESTABLISHED → FIN_WAIT_1   close(), FIN sent after queued data
 *               → CLOSE_WAIT   FIN received
 *   FIN_WAIT_1  → FIN_WAIT_2   ACK of our FIN received
 *               → CLOSING      FIN received before the ACK of ours
 *               → TIME_WAIT    FIN received that also ACKs ours (passes
 *                              through FIN_WAIT_2 within the same segment)
 *   FIN_WAIT_2  → TIME_WAIT    FIN received, ACK sent
 *   CLOSE_WAIT  → LAST_ACK     close(), FIN sent
 *   CLOSING     → TIME_WAIT    ACK of our FIN received
 *   LAST_ACK    → CLOSED       ACK of our FIN received
 *   TIME_WAIT   → CLOSED       2·MSL timeout
 *
 * Besides, every state but CLOSED may go to CLOSED by abort(), by an
 * acceptable RST, by close() in SYN_SENT with nothing queued, or by the
 * retransmission limit (RFC 9293 §3.8.3 R2).
 */

export type TcpState =
  | 'CLOSED'
  | 'LISTEN'
  | 'SYN_SENT'
  | 'SYN_RCVD'
  | 'ESTABLISHED'
  | 'FIN_WAIT_1'
  | 'FIN_WAIT_2'
  | 'CLOSE_WAIT'
  | 'CLOSING'
  | 'LAST_ACK'
  | 'TIME_WAIT';

export const TCP_STATES: readonly TcpState[] = [
  'CLOSED',
  'LISTEN',
  'SYN_SENT',
  'SYN_RCVD',
  'ESTABLISHED',
  'FIN_WAIT_1',
  'FIN_WAIT_2',
  'CLOSE_WAIT',
  'CLOSING',
  'LAST_ACK',
  'TIME_WAIT',
];

/** Legal moves, Figure 5 plus the moves to CLOSED listed above. */
export const TCP_TRANSITIONS: Readonly<Record<TcpState, readonly TcpState[]>> = {
  CLOSED: ['SYN_SENT', 'LISTEN'],
  LISTEN: ['SYN_RCVD', 'SYN_SENT', 'CLOSED'],
  SYN_SENT: ['ESTABLISHED', 'SYN_RCVD', 'CLOSED'],
  SYN_RCVD: ['ESTABLISHED', 'FIN_WAIT_1', 'CLOSED'],
  ESTABLISHED: ['FIN_WAIT_1', 'CLOSE_WAIT', 'CLOSED'],
  FIN_WAIT_1: ['FIN_WAIT_2', 'CLOSING', 'CLOSED'],
  FIN_WAIT_2: ['TIME_WAIT', 'CLOSED'],
  CLOSE_WAIT: ['LAST_ACK', 'CLOSED'],
  CLOSING: ['TIME_WAIT', 'CLOSED'],
  LAST_ACK: ['CLOSED'],
  TIME_WAIT: ['CLOSED'],
};

export function isLegalTransition(from: TcpState, to: TcpState): boolean {
  return TCP_TRANSITIONS[from].includes(to);
}

/**
 * Synchronized states (RFC 9293 §3.5.2): both SYNs have been received, so
 * every segment we send carries ACK and incoming segments go through the
 * sequence-number checks of §3.10.7.4.
 */
export function isSynchronized(state: TcpState): boolean {
  return state !== 'CLOSED' && state !== 'LISTEN' && state !== 'SYN_SENT' && state !== 'SYN_RCVD';
}

/** States in which received data is delivered to the application (RFC 9293 §3.10.7.4 "Seventh"). */
export function acceptsData(state: TcpState): boolean {
  return state === 'ESTABLISHED' || state === 'FIN_WAIT_1' || state === 'FIN_WAIT_2';
}

/** States in which the application may still queue data to send. */
export function acceptsSend(state: TcpState): boolean {
  return state === 'SYN_SENT' || state === 'SYN_RCVD' || state === 'ESTABLISHED' || state === 'CLOSE_WAIT';
}
