/** Hands the app's commands from App.vue to every component (provide/inject). */
import { inject, provide, type InjectionKey } from 'vue';
import type { AppCommands } from './app-commands';

const KEY: InjectionKey<AppCommands> = Symbol('app-commands');

export function provideCommands(commands: AppCommands): void {
  provide(KEY, commands);
}

export function useCommands(): AppCommands {
  const commands = inject(KEY);
  if (!commands) throw new Error('useCommands() needs provideCommands() in an ancestor (App.vue)');
  return commands;
}
