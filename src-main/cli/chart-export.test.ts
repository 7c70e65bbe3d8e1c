import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chartPalette, legendFor } from '../../src-core/chart/colors';
import { parseScenarioText } from '../../src-core/scenario/load';
import { main, type CliEnv } from './main';
import { SVG_FONT_FAMILY } from '../../src-core/chart/svg';
import { chartLayoutOf, PNG_SCALE, svgToPng } from './chart-export';
import { runToEnd } from './run-to-end';
import { requireTool } from '../interop/required-tool';

const LESSONS = join(__dirname, '../../resources/lessons');
const lessons = readdirSync(LESSONS).filter((f) => f.endsWith('.l7.json')).sort();

async function cli(argv: string[], env?: Partial<CliEnv>): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const full: CliEnv = { waitForStop: () => new Promise(() => undefined), cwd: process.cwd(), ...env };
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) }, full);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const tmp = () => mkdtempSync(join(tmpdir(), 'l7-chart-'));

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
function group(svg: string, cls: string): string {
  const m = new RegExp(`<g class="${cls}"[^>]*>([\\s\\S]*?)</g>`).exec(svg);
  if (!m) throw new Error(`no <g class="${cls}">`);
  return m[1]!;
}
const texts = (xml: string) => [...xml.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => unescape(m[1]!));

function scenarioOf(file: string) {
  const loaded = parseScenarioText(readFileSync(file, 'utf8'));
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
  return loaded.scenario;
}

describe('l7 run --svg: the chart of every lesson', () => {
  it.each(lessons)('%s: names every node in its lane header with its address, and every protocol drawn in the legend', async (lesson) => {
    const file = join(LESSONS, lesson);
    const svgFile = join(tmp(), 'chart.svg');
    const r = await cli(['run', file, '--svg', svgFile]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain(`chart:      ${svgFile}`);
    const svg = readFileSync(svgFile, 'utf8');

    const scenario = scenarioOf(file);
    const { trace } = runToEnd(scenario);
    // every node that sends or receives a message has a lane (routers only forward: they have none, layout.ts)
    const talking = new Set(trace.events.flatMap((e) => (e.kind === 'message' ? [e.from, e.to] : [])));
    const nodes = trace.nodes.filter((n) => talking.has(n.id));
    expect(nodes.length).toBeGreaterThan(1);
    expect(trace.nodes.map((n) => n.id).sort()).toEqual(scenario.nodes.map((n) => n.id).sort());
    const header = texts(group(svg, 'lanes-header'));
    expect(header.length).toBe(2 * nodes.length); // a name and an address per lane
    const names = header.filter((_, i) => i % 2 === 0);
    expect([...names].sort()).toEqual(nodes.map((n) => n.name).sort());
    for (const node of nodes) expect(header[header.indexOf(node.name) + 1]).toBe(node.address);
    // in the scenario's lane order first, as the app shows them
    const preferred = (scenario.view.laneOrder ?? []).filter((id) => talking.has(id));
    expect(names.slice(0, preferred.length)).toEqual(preferred.map((id) => trace.nodes.find((n) => n.id === id)!.name));

    // the title band: the scenario's name, then the PNG export's legend (every protocol drawn, in legend order)
    const layout = chartLayoutOf(scenario, trace);
    const drawn = legendFor(new Set(layout.arrows.map((a) => a.protocol)), 'light').map((e) => e.protocol);
    expect(drawn.length).toBeGreaterThan(0);
    expect(texts(group(svg, 'title'))).toEqual([scenario.name]);
    expect(texts(group(svg, 'title-legend'))).toEqual(drawn);
    // the key of line styles under the chart names each layer drawn
    const key = texts(group(svg, 'legend'));
    const layers = new Set(layout.arrows.map((a) => a.layer));
    expect(key.includes('application message')).toBe(layers.has('application'));
    expect(key.includes('transport: TCP segment, UDP datagram')).toBe(layers.has('transport'));
    // as many arrows as the app's layout draws
    expect(svg.match(/<g class="message /g)?.length).toBe(layout.arrows.length);
  });
});

/** Width and height from a PNG's IHDR chunk, after checking the signature (PNG spec §5.2, §11.2.2). */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.readUInt32BE(8)).toBe(13);
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  expect(bytes.subarray(bytes.length - 8, bytes.length - 4).toString('latin1')).toBe('IEND');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function svgSize(svg: string): { width: number; height: number } {
  const m = /<svg [^>]*width="([\d.]+)" height="([\d.]+)"/.exec(svg);
  return { width: Number(m![1]), height: Number(m![2]) };
}

describe('l7 run --png', () => {
  it('writes a valid PNG of the SVG at 2×, with no temporary file left', async () => {
    const dir = tmp();
    const svgFile = join(dir, 'chart.svg');
    const pngFile = join(dir, 'chart.png');
    const r = await cli(['run', join(LESSONS, 'sockets-udp.l7.json'), '--svg', svgFile, '--png', pngFile]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const svg = svgSize(readFileSync(svgFile, 'utf8'));
    const png = pngSize(readFileSync(pngFile));
    expect(PNG_SCALE).toBe(2);
    expect(png).toEqual({ width: Math.ceil(svg.width * 2), height: Math.ceil(svg.height * 2) });
    expect(r.out).toContain(`chart png:  ${pngFile} (${png.width} x ${png.height} px)`);
    expect(readdirSync(dir).sort()).toEqual(['chart.png', 'chart.svg']);
  });

  it('draws in the theme asked for: light by default, dark with --theme dark', async () => {
    const dir = tmp();
    const lesson = join(LESSONS, 'sockets-udp.l7.json');
    await cli(['run', lesson, '--svg', join(dir, 'light.svg')]);
    await cli(['run', lesson, '--svg', join(dir, 'dark.svg'), '--theme', 'dark']);
    const background = (file: string) => /<rect width="100%" height="100%" fill="([^"]+)"/.exec(readFileSync(join(dir, file), 'utf8'))?.[1];
    expect(background('light.svg')).toBe(chartPalette('light').background);
    expect(background('dark.svg')).toBe(chartPalette('dark').background);
  });

  it('fails naming the PNG when no font can draw the text, and writes nothing', async () => {
    const dir = tmp();
    const pngFile = join(dir, 'chart.png');
    const r = await cli(['run', join(LESSONS, 'sockets-udp.l7.json'), '--png', pngFile], { fonts: { loadSystemFonts: false } });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(new RegExp(`^${pngFile.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: cannot draw the chart \\(no font found`));
    expect(readdirSync(dir)).toEqual([]);
  });

  it('names the file it cannot write', async () => {
    const missing = join(tmp(), 'no-such-folder', 'chart.svg');
    const r = await cli(['run', join(LESSONS, 'sockets-udp.l7.json'), '--svg', missing]);
    expect(r.code).toBe(1);
    expect(r.err).toBe(`${missing}: cannot write the chart (no such file or folder)`);
  });
});

describe('chart options on the command line', () => {
  const lesson = join(LESSONS, 'sockets-udp.l7.json');
  it.each([
    [['--svg'], '--svg needs a file name'],
    [['--png', '--svg', 'a.svg'], '--png needs a file name'],
    [['--svg', 'a.svg', '--svg', 'b.svg'], '--svg given twice'],
    [['--svg', 'a.svg', '--theme'], '--theme needs light or dark, got nothing'],
    [['--svg', 'a.svg', '--theme', 'blue'], '--theme needs light or dark, got "blue"'],
    [['--theme', 'dark'], '--theme is for the chart: give --svg or --png too'],
    [['--svg', 'x', '--png', 'x'], '"x" is given for two outputs'],
    [['--out', 'x', '--svg', 'x'], '"x" is given for two outputs'],
  ])('refuses %j with status 2: %s', async (options, message) => {
    const r = await cli(['run', lesson, ...options]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`l7: ${message}\n`);
    expect(r.err).toContain('[--svg chart.svg] [--png chart.png] [--theme light|dark]');
  });

  it('takes the chart options of validate as unknown', async () => {
    const r = await cli(['validate', lesson, '--svg', 'a.svg']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('unknown option "--svg"');
  });
});

describe('the PNG’s fonts', () => {
  const liberation = '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf';
  const dejavu = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
  const word = (family: string) =>
    `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="24" font-family="${family}"><text x="2" y="17" font-size="14">Mwigl DNS</text></svg>`;
  /** Both fonts missing: a failure under CI (.ci/run installs them), else a skip that says why (required-tool.ts). */
  const fontFiles = requireTool('Liberation Sans and DejaVu Sans', 'fonts-liberation fonts-dejavu-core', { lookup: () => existsSync(liberation) && existsSync(dejavu) });
  // Liberation Sans loaded first is resvg's fallback; DejaVu Sans is the first family of the chart's list that is present
  it('draws the chart’s text in the first family of its list that is installed, not in a fallback', (ctx) => {
    fontFiles.guard(ctx);
    const fonts = { loadSystemFonts: false, fontFiles: [liberation, dejavu] };
    const chart = svgToPng(word(SVG_FONT_FAMILY), fonts).data;
    expect(Buffer.from(chart).equals(Buffer.from(svgToPng(word('DejaVu Sans'), fonts).data))).toBe(true);
    expect(Buffer.from(chart).equals(Buffer.from(svgToPng(word('Liberation Sans'), fonts).data))).toBe(false);
  });
});
