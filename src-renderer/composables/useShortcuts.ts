/**
 * Listens for the keyboard shortcuts of commands/shortcuts.ts on the window
 * and performs their commands. Skipped while a modal dialog is open (it has
 * its own keys) and for key presses something else already handled.
 */
import { onMounted, onUnmounted } from 'vue';
import type { L7Host } from '../../src-core/api/contract';
import type { AppCommands } from '../commands/app-commands';
import { commandForKey } from '../commands/shortcuts';
import { useDialogs } from './useDialogs';

export const isMac = (): boolean => /Mac|iPhone|iPad/.test(navigator.userAgent);

export function useShortcuts(commands: AppCommands, host: Pick<L7Host, 'kind'>): void {
  const dialogs = useDialogs();
  const context = { host: host.kind, mac: isMac() };

  function onKeyDown(event: KeyboardEvent): void {
    if (event.defaultPrevented || event.isComposing || dialogs.anyOpen()) return;
    const command = commandForKey(event, context);
    if (command === null) return;
    event.preventDefault();
    void commands.perform(command);
  }

  onMounted(() => window.addEventListener('keydown', onKeyDown));
  onUnmounted(() => window.removeEventListener('keydown', onKeyDown));
}
