/**
 * The native menu. `buildMenuTemplate` is pure: it returns the template, and
 * each command item calls `dispatch(command)`, which index.ts turns into an
 * IPC message (IPC.menuCommand) to the focused window. The renderer decides
 * what a command does, exactly as for its own buttons and shortcuts.
 *
 * Accelerators follow platform habits: CmdOrCtrl+N/O/S, Shift+S for Save As,
 * E for Export. Run is CmdOrCtrl+R (Xcode, Android Studio) with F5 as an
 * alias; Cancel is CmdOrCtrl+. (the macOS "stop" chord) with Shift+F5 as an
 * alias. Escape is deliberately not a menu accelerator: a menu accelerator is
 * taken before the page sees the key, and the page needs Escape to close its
 * own popups and edits. Zoom chords belong to the chart (CmdOrCtrl+=, -, 0),
 * not to page zoom. Undo and Redo (CmdOrCtrl+Z, CmdOrCtrl+Shift+Z and
 * CmdOrCtrl+Y) are commands: the renderer undoes an editor command, or a
 * text field's typing when one has focus. Aliases are hidden items, Electron's way of giving a
 * command a second accelerator.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../src-core/api/contract';

export interface MenuOptions {
  readonly isMac: boolean;
  readonly appName: string;
  /** Adds Force Reload (CmdOrCtrl+Shift+R: plain Reload's CmdOrCtrl+R is Run) and Toggle Developer Tools; never in a packaged app. */
  readonly isDev: boolean;
  readonly dispatch: (command: MenuCommand) => void;
}

/** Label and primary accelerator of every command. */
export const MENU_ITEMS: { readonly [C in MenuCommand]: { readonly label: string; readonly accelerator?: string } } = {
  'file.new': { label: 'New', accelerator: 'CmdOrCtrl+N' },
  'file.open': { label: 'Open…', accelerator: 'CmdOrCtrl+O' },
  'file.save': { label: 'Save', accelerator: 'CmdOrCtrl+S' },
  'file.saveAs': { label: 'Save As…', accelerator: 'CmdOrCtrl+Shift+S' },
  'file.export': { label: 'Export…', accelerator: 'CmdOrCtrl+E' },
  'edit.undo': { label: 'Undo', accelerator: 'CmdOrCtrl+Z' },
  'edit.redo': { label: 'Redo', accelerator: 'CmdOrCtrl+Shift+Z' },
  'run.start': { label: 'Run', accelerator: 'CmdOrCtrl+R' },
  'run.cancel': { label: 'Cancel Run', accelerator: 'CmdOrCtrl+.' },
  'view.toggleTransport': { label: 'Show Transport Layer', accelerator: 'CmdOrCtrl+T' },
  'view.toggleStates': { label: 'Show State Changes' },
  'view.toggleGaps': { label: 'Compress Idle Gaps' },
  'view.zoomIn': { label: 'Zoom In', accelerator: 'CmdOrCtrl+=' },
  'view.zoomOut': { label: 'Zoom Out', accelerator: 'CmdOrCtrl+-' },
  'view.fit': { label: 'Zoom to Fit', accelerator: 'CmdOrCtrl+0' },
  'help.about': { label: 'About L7 Lab' },
};

/** Second accelerators, as hidden items. */
export const MENU_ALIASES: readonly { readonly command: MenuCommand; readonly accelerator: string }[] = [
  { command: 'run.start', accelerator: 'F5' },
  { command: 'run.cancel', accelerator: 'Shift+F5' },
  { command: 'view.zoomIn', accelerator: 'CmdOrCtrl+Plus' },
  { command: 'edit.redo', accelerator: 'CmdOrCtrl+Y' },
];

export function buildMenuTemplate({ isMac, appName, isDev, dispatch }: MenuOptions): MenuItemConstructorOptions[] {
  const item = (command: MenuCommand): MenuItemConstructorOptions => ({
    id: command,
    ...MENU_ITEMS[command],
    click: () => dispatch(command),
  });
  const aliases = (menu: string): MenuItemConstructorOptions[] =>
    MENU_ALIASES.filter((a) => a.command.startsWith(`${menu}.`)).map((a) => ({
      id: `${a.command}#${a.accelerator}`,
      label: MENU_ITEMS[a.command].label,
      accelerator: a.accelerator,
      visible: false,
      acceleratorWorksWhenHidden: true,
      click: () => dispatch(a.command),
    }));
  const separator: MenuItemConstructorOptions = { type: 'separator' };

  const template: MenuItemConstructorOptions[] = [];
  if (isMac) {
    template.push({
      label: appName,
      submenu: [
        { label: `About ${appName}`, click: () => dispatch('help.about') },
        separator,
        { role: 'services' },
        separator,
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        separator,
        { role: 'quit' },
      ],
    });
  }
  template.push(
    {
      label: '&File',
      submenu: [
        item('file.new'),
        item('file.open'),
        separator,
        item('file.save'),
        item('file.saveAs'),
        item('file.export'),
        separator,
        isMac ? { role: 'close' } : { role: 'quit', label: 'Exit' },
      ],
    },
    {
      // Undo and Redo are the page's (the topology editor's history, or a text field's own: the renderer decides);
      // the clipboard items keep their roles, which fire the page's copy, cut and paste events.
      label: '&Edit',
      submenu: [item('edit.undo'), item('edit.redo'), ...aliases('edit'), separator, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'delete' }, separator, { role: 'selectAll' }],
    },
    { label: '&Run', submenu: [item('run.start'), item('run.cancel'), ...aliases('run')] },
    {
      label: '&View',
      submenu: [
        item('view.toggleTransport'),
        item('view.toggleStates'),
        item('view.toggleGaps'),
        separator,
        item('view.zoomIn'),
        item('view.zoomOut'),
        item('view.fit'),
        ...aliases('view'),
        separator,
        { role: 'togglefullscreen' },
        ...(isDev ? [separator, { role: 'forceReload' } as const, { role: 'toggleDevTools' } as const] : []),
      ],
    },
  );
  if (isMac) template.push({ role: 'windowMenu' });
  template.push({ role: 'help', label: '&Help', submenu: [item('help.about')] });
  return template;
}
