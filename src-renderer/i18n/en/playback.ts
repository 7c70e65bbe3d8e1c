/** The playback bar: its buttons, position, speed and options. */
export const playback = {
  label: 'Playback',
  controls: 'Playback controls',
  first: 'First message',
  previous: 'Previous message',
  pause: 'Pause',
  play: 'Play',
  next: 'Next message',
  last: 'Last message',
  position: 'Playback position',
  none: 'No messages to play',
  off: 'Playback off · {count} messages shown',
  /** Where the cursor is: "message 3 of 10 · t = 12.000 ms"; before/after when it is on a state change. */
  onMessage: 'message {n} of {total} · t = {time} ms',
  beforeMessage: 'before message {n} of {total} · t = {time} ms',
  afterMessage: 'after message {n} of {total} · t = {time} ms',
  speed: { label: 'Speed', title: 'Messages per second: 2 at 1×', value: '{speed}×' },
  later: { label: 'Later messages', fade: 'faded', hide: 'hidden' },
  stop: { label: 'Stop playback', title: 'Stop playback and show every message' },
};
