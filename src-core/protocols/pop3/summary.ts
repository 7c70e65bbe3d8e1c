/**
 * A one-line summary of bytes a POP3 client sent, when they come as a
 * chunk read from a real socket (`l7 serve`, src-main/serve/summaries.ts)
 * rather than as one labelled command: the chunk's first command line
 * ("USER bob", "PASS ••••": never the password), with the count of lines
 * after it when a client pipelined several. Null when the chunk does not
 * begin with a whole command line.
 */
import { commandSummary, parseCommand } from './codec';

export function summarizeClientBytes(bytes: Uint8Array): string | null {
  const lf = bytes.indexOf(0x0a);
  if (lf < 0) return null;
  const end = lf > 0 && bytes[lf - 1] === 0x0d ? lf - 1 : lf;
  const parsed = parseCommand(bytes.subarray(0, end));
  if (!parsed.ok) return null;
  let more = 0;
  for (let i = lf + 1; i < bytes.length; i++) if (bytes[i] === 0x0a) more++;
  const first = commandSummary(parsed.value);
  return more === 0 ? first : `${first} (+${more} more line${more === 1 ? '' : 's'})`;
}
