import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { MENU_COMMANDS, type MenuCommand } from '../src-core/api/contract';
import { buildMenuTemplate } from './menu';

function flatten(items: readonly MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flatten(i.submenu) : [])]);
}

function build(isMac: boolean, isDev = false) {
  const dispatched: MenuCommand[] = [];
  const template = buildMenuTemplate({ isMac, appName: 'L7 Lab', isDev, dispatch: (c) => dispatched.push(c) });
  const items = flatten(template);
  const byId = (id: string) => items.find((i) => i.id === id);
  const click = (item: MenuItemConstructorOptions | undefined) =>
    (item?.click as (() => void) | undefined)?.();
  return { template, items, byId, click, dispatched };
}

describe('menu template', () => {
  it('has File, Edit, Run, View and Help in that order', () => {
    const { template } = build(false);
    expect(template.map((m) => m.label ?? m.role)).toEqual(['&File', '&Edit', '&Run', '&View', '&Help']);
    const mac = build(true).template;
    expect(mac.map((m) => m.label ?? m.role)).toEqual(['L7 Lab', '&File', '&Edit', '&Run', '&View', 'windowMenu', '&Help']);
  });

  it('has an item for every menu command, which dispatches it', () => {
    const { byId, click, dispatched } = build(false);
    for (const command of MENU_COMMANDS) {
      const item = byId(command);
      expect(item, command).toBeDefined();
      expect(item!.visible).not.toBe(false);
      click(item);
    }
    expect(dispatched).toEqual(MENU_COMMANDS);
  });

  it('uses the standard accelerators', () => {
    const { byId } = build(false);
    const accelerators = Object.fromEntries(MENU_COMMANDS.map((c) => [c, byId(c)?.accelerator]));
    expect(accelerators).toEqual({
      'file.new': 'CmdOrCtrl+N',
      'file.open': 'CmdOrCtrl+O',
      'file.save': 'CmdOrCtrl+S',
      'file.saveAs': 'CmdOrCtrl+Shift+S',
      'file.export': 'CmdOrCtrl+E',
      'edit.undo': 'CmdOrCtrl+Z',
      'edit.redo': 'CmdOrCtrl+Shift+Z',
      'run.start': 'CmdOrCtrl+R',
      'run.cancel': 'CmdOrCtrl+.',
      'view.toggleTransport': 'CmdOrCtrl+T',
      'view.zoomIn': 'CmdOrCtrl+=',
      'view.zoomOut': 'CmdOrCtrl+-',
      'view.fit': 'CmdOrCtrl+0',
      'help.about': undefined,
    });
  });

  it('gives Run F5 and Cancel Shift+F5 as hidden aliases', () => {
    const { items, click, dispatched } = build(false);
    const f5 = items.find((i) => i.accelerator === 'F5');
    expect(f5).toMatchObject({ visible: false, acceleratorWorksWhenHidden: true });
    click(f5);
    click(items.find((i) => i.accelerator === 'Shift+F5'));
    expect(dispatched).toEqual(['run.start', 'run.cancel']);
  });

  it('never assigns one accelerator twice', () => {
    const accelerators = build(false).items.flatMap((i) => (i.accelerator ? [String(i.accelerator)] : []));
    expect(new Set(accelerators).size).toBe(accelerators.length);
  });

  it('keeps the clipboard roles in the Edit menu so copy and paste work, with Undo and Redo as commands', () => {
    const { items } = build(false);
    for (const role of ['cut', 'copy', 'paste', 'selectAll']) expect(items.some((i) => i.role === role), role).toBe(true);
    expect(items.some((i) => i.role === 'undo' || i.role === 'redo')).toBe(false);
    expect(items.find((i) => i.accelerator === 'CmdOrCtrl+Y')).toMatchObject({ visible: false, acceleratorWorksWhenHidden: true });
  });

  it('offers developer tools only in development', () => {
    expect(build(false, false).items.some((i) => i.role === 'toggleDevTools')).toBe(false);
    expect(build(false, true).items.some((i) => i.role === 'toggleDevTools')).toBe(true);
  });

  it('puts About in the application menu on macOS too', () => {
    const { template, click, dispatched } = build(true);
    const appMenu = template[0]!.submenu as MenuItemConstructorOptions[];
    click(appMenu[0]);
    expect(dispatched).toEqual(['help.about']);
  });
});
