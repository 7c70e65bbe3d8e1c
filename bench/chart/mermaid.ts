/**
 * Mermaid's sequence diagram of the same 500-message trace, rendered in the
 * same Chromium as the chart bench: the like-for-like figure beside our
 * first frame. Mermaid is never a project dependency: it is found in a
 * scratch folder, $MERMAID_DIR (default: ../scratch-mermaid beside the
 * repository), set up with
 *   mkdir -p ../scratch-mermaid && cd ../scratch-mermaid && npm init -y && npm install mermaid playwright-core
 * Its dist/mermaid.min.js is loaded into a blank page; each run times
 * mermaid.render() of the diagram to an SVG string on the main thread
 * (limits raised: by default Mermaid refuses texts over 50,000 characters).
 * One line per message of the trace, between its nodes' participants: a
 * delivered message `->>`, a lost one `-x`, one still in flight `-->>`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import type { MessageEvent } from '../../src-core/trace/types';
import type { MermaidFigures } from './figures';
import type { SyntheticTrace } from './synthetic';

export const MERMAID_DIR = process.env['MERMAID_DIR'] ?? fileURLToPath(new URL('../../../scratch-mermaid', import.meta.url));
export const MERMAID_INSTALL = `mkdir -p ${MERMAID_DIR} && cd ${MERMAID_DIR} && npm init -y && npm install mermaid playwright-core`;

/** Mermaid's dist file and version, or null when the scratch folder has none. */
export function findMermaid(): { file: string; version: string } | null {
  const root = `${MERMAID_DIR}/node_modules/mermaid`;
  const file = `${root}/dist/mermaid.min.js`;
  if (!existsSync(file)) return null;
  const version = (JSON.parse(readFileSync(`${root}/package.json`, 'utf8')) as { version?: string }).version ?? '?';
  return { file, version };
}

/** Characters Mermaid's sequence grammar reads as syntax in a message text (statement ends, entities, HTML). */
const SYNTAX = /[;#<>&"]/g;

/** The trace as a Mermaid sequence diagram: one participant per node, one line per message. */
export function mermaidDiagram(trace: SyntheticTrace): string {
  const lines = ['sequenceDiagram'];
  const name = new Map(trace.nodes.map((n, i) => [n.id, `N${i}`]));
  trace.nodes.forEach((n, i) => lines.push(`participant N${i} as ${n.name}`));
  for (const e of trace.events) {
    if (e.kind !== 'message') continue;
    const m: MessageEvent = e;
    const arrow = m.lost ? '-x' : m.receivedAt === null ? '-->>' : '->>';
    lines.push(`${name.get(m.from)}${arrow}${name.get(m.to)}: ${m.summary.replace(SYNTAX, ' ')}`);
  }
  return `${lines.join('\n')}\n`;
}

/** `runs` renders of `diagram` (after one warm-up render) in a new page of `browser`. */
export async function benchMermaid(browser: Browser, file: string, diagram: string, runs: number, warmups: number): Promise<MermaidFigures[]> {
  const page = await browser.newPage();
  try {
    await page.setContent('<!doctype html><html><body><div id="c"></div></body></html>');
    await page.addScriptTag({ path: file });
    await page.evaluate(() => {
      const m = (globalThis as unknown as { mermaid: { initialize(c: object): void } }).mermaid;
      m.initialize({ startOnLoad: false, maxTextSize: 10_000_000, maxEdges: 1_000_000, sequence: { useMaxWidth: false } });
    });
    const out: MermaidFigures[] = [];
    for (let i = 0; i < warmups + runs; i++) {
      const r = await page.evaluate(
        async ([text, id]) => {
          const m = (globalThis as unknown as { mermaid: { render(id: string, text: string): Promise<{ svg: string }> } }).mermaid;
          const t0 = performance.now();
          try {
            const { svg } = await m.render(id, text);
            return { ms: performance.now() - t0, svgChars: svg.length };
          } catch (error) {
            return { ms: performance.now() - t0, svgChars: 0, error: String(error).slice(0, 200) };
          }
        },
        [diagram, `m${i}`] as const,
      );
      if (i >= warmups) out.push(r); // the first renders are the warm-up (JIT, fonts)
    }
    return out;
  } finally {
    await page.close();
  }
}
