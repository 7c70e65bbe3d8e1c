/**
 * The editor's palette: the plain host and router, then every protocol
 * module's node presets (src-core/protocols/registry.ts), in the registry's
 * order. A later engine's presets (web server, browser, mail server …)
 * appear here by being declared in its module.
 */
import { BASIC_PRESETS } from '../../src-core/editor/add-node';
import type { NodePreset } from '../../src-core/protocols/module';
import { PROTOCOL_MODULES } from '../../src-core/protocols/registry';
import { t } from '../i18n/translate';

export interface PaletteGroup {
  readonly title: string;
  readonly presets: readonly NodePreset[];
}

export const PALETTE: readonly PaletteGroup[] = [
  { title: t('editor.palette.network'), presets: BASIC_PRESETS },
  ...PROTOCOL_MODULES.filter((m) => m.presets.length > 0).map((m) => ({ title: m.paletteTitle ?? m.title, presets: m.presets })),
];

const byId = new Map(PALETTE.flatMap((g) => g.presets.map((p) => [p.id, p] as const)));

export function presetById(id: string): NodePreset | undefined {
  return byId.get(id);
}
