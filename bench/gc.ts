/**
 * A full garbage collection on demand, for memory figures that count what is
 * kept rather than what happens not to be collected yet. Node gives `gc`
 * only under --expose-gc; the flag can be set at run time, and a new context
 * then sees the function (V8 installs it per context).
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Collects twice (the second pass frees what the first one's finalizers released), then reads the heap and array buffers. */
export function retainedBytes(): number {
  gc();
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}
