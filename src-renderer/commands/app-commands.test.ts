import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useNoticeStore } from '../stores/notices';
import { useChartViewStore } from '../stores/chart-view';
import { usePreferencesStore } from '../stores/preferences';
import { useRunStore } from '../stores/run';
import { useScenarioStore } from '../stores/scenario';
import { useSelectionStore } from '../stores/selection';
import { createFakeHost, type FakeHost } from '../testing/fake-host';
import { lessonText } from '../testing/lessons';
import { createAppCommands, type UnsavedChoice } from './app-commands';

let host: FakeHost;
let answer: UnsavedChoice;
let asked: string[];

function setup() {
  const commands = createAppCommands({
    host,
    askUnsaved: (name) => {
      asked.push(name);
      return Promise.resolve(answer);
    },
    showAbout: vi.fn(),
    newRunId: () => `run-${host.runs.length + 1}`,
  });
  commands.connect();
  return { commands, scenario: useScenarioStore(), run: useRunStore(), notices: useNoticeStore() };
}

beforeEach(() => {
  setActivePinia(createPinia());
  host = createFakeHost();
  host.lessons['sockets-tcp'] = { path: null, name: 'sockets-tcp.l7.json', text: lessonText('sockets-tcp') };
  answer = 'cancel';
  asked = [];
});

describe('opening documents', () => {
  it('opens a lesson without asking when nothing is unsaved, and applies its view settings', async () => {
    const { commands, scenario } = setup();
    usePreferencesStore().setShowTransport(false);
    await commands.openLesson('sockets-tcp');
    expect(asked).toEqual([]);
    expect(scenario.lessonId).toBe('sockets-tcp');
    expect(usePreferencesStore().showTransport).toBe(true);
  });

  it('asks before replacing unsaved changes; Cancel keeps them', async () => {
    const { commands, scenario } = setup();
    scenario.setText(`${scenario.text} `);
    answer = 'cancel';
    await commands.openLesson('sockets-tcp');
    expect(asked).toEqual(['untitled.l7.json']);
    expect(scenario.lessonId).toBeNull();
    expect(scenario.dirty).toBe(true);
  });

  it("replaces unsaved changes on Don't save", async () => {
    const { commands, scenario } = setup();
    scenario.setText(`${scenario.text} `);
    answer = 'discard';
    await commands.openLesson('sockets-tcp');
    expect(scenario.lessonId).toBe('sockets-tcp');
    expect(host.saves).toEqual([]);
  });

  it('saves first on Save, and keeps the document when that save is cancelled', async () => {
    const { commands, scenario } = setup();
    scenario.setText(`${scenario.text} `);
    const edited = scenario.text;
    answer = 'save';
    host.nextSave = () => null;
    await commands.newScenario();
    expect(host.saves).toHaveLength(1);
    expect(scenario.text).toBe(edited);

    host.nextSave = (r) => ({ path: '/s/untitled.l7.json', name: r.suggestedName });
    await commands.openLesson('sockets-tcp');
    expect(host.saves.at(-1)).toMatchObject({ text: edited, suggestedName: 'untitled.l7.json' });
    expect(scenario.lessonId).toBe('sockets-tcp');
  });

  it('opens a file from the host; cancelling the dialog changes nothing', async () => {
    const { commands, scenario } = setup();
    await commands.openFile();
    expect(scenario.name).toBe('untitled.l7.json');
    host.nextOpenFile = { path: '/s/mine.l7.json', name: 'mine.l7.json', text: lessonText('sockets-tcp') };
    await commands.openFile();
    expect(scenario.name).toBe('mine.l7.json');
    expect(scenario.valid).toBe(true);
  });

  it('refuses a file that does not load cleanly: its issues are listed, the document and its run stay', async () => {
    const { commands, scenario, run, notices } = setup();
    await commands.openLesson('sockets-tcp');
    await commands.startRun();
    scenario.setText(`${scenario.text} `); // unsaved: a refused file must not even ask
    const before = { name: scenario.name, text: scenario.text, status: run.status };
    host.nextOpenFile = { path: '/s/broken.l7.json', name: 'broken.l7.json', text: '{ "format": "l7-scenario" }' };
    await commands.openFile();
    expect(asked).toEqual([]);
    expect({ name: scenario.name, text: scenario.text, status: run.status }).toEqual(before);
    expect(scenario.refused?.file.name).toBe('broken.l7.json');
    expect(scenario.refused?.issues.length).toBeGreaterThan(0);
    expect(notices.notice).toMatchObject({ kind: 'error', text: expect.stringMatching(/^Did not open broken\.l7\.json: it has \d+ issues?; sockets-tcp\.l7\.json is unchanged$/) });

    // "Open it anyway" asks about the unsaved changes, then opens it to be fixed in the source
    answer = 'discard';
    await commands.openRefused();
    expect(asked).toEqual(['sockets-tcp.l7.json']);
    expect(scenario.name).toBe('broken.l7.json');
    expect(scenario.valid).toBe(false);
    expect(scenario.refused).toBeNull();
  });

  it('restores recovered work as unsaved changes on its file, asking first when the document was edited meanwhile', async () => {
    const { commands, scenario } = setup();
    const saved = lessonText('sockets-tcp');
    const work = { name: 'lab.l7.json', path: '/home/ada/lab.l7.json', savedText: saved, text: `${saved} ` };
    scenario.setText(`${scenario.text}  `);
    answer = 'cancel';
    expect(await commands.restoreRecovered(work)).toBe(false);
    expect([asked, scenario.name]).toEqual([['untitled.l7.json'], 'untitled.l7.json']);
    answer = 'discard';
    expect(await commands.restoreRecovered(work)).toBe(true);
    expect([scenario.name, scenario.path, scenario.text, scenario.savedText, scenario.dirty]).toEqual(['lab.l7.json', '/home/ada/lab.l7.json', work.text, saved, true]);
  });

  it('shows a failure plainly in the status bar', async () => {
    const { commands, notices } = setup();
    await commands.openLesson('missing');
    expect(notices.notice).toMatchObject({ kind: 'error', text: 'Could not open the lesson: there is no lesson "missing"' });
  });

  it('resets the run and the selection when a document is opened', async () => {
    const { commands, run } = setup();
    await commands.startRun();
    useSelectionStore().select(3);
    await commands.openLesson('sockets-tcp');
    expect(run.status).toBe('idle');
    expect(useSelectionStore().selectedId).toBeNull();
    expect(host.calls.some((c) => c.method === 'cancelRun')).toBe(true);
  });
});

describe('saving', () => {
  it('saves to the known path, or asks (path null) on Save As, and marks the document clean', async () => {
    const { commands, scenario } = setup();
    scenario.setText(scenario.text.replace('"hello"', '"hi"'));
    await commands.save();
    expect(host.saves[0]).toMatchObject({ path: null, suggestedName: 'untitled.l7.json' });
    expect(scenario.dirty).toBe(false);
    expect(scenario.path).toBe('/home/student/untitled.l7.json');
    await commands.save();
    expect(host.saves[1]!.path).toBe('/home/student/untitled.l7.json');
    await commands.saveAs();
    expect(host.saves[2]!.path).toBeNull();
  });
});

describe('running', () => {
  it('starts a run with the scenario as JSON and feeds the host events to the run store', async () => {
    const { commands, run, scenario } = setup();
    await commands.startRun();
    expect(host.runs).toEqual([{ runId: 'run-1', scenario: JSON.parse(scenario.text) }]);
    expect(run.status).toBe('running');
    host.emitRun({ type: 'run.finished', runId: 'run-1', summary: { stopReason: 'idle', endTime: 1, traceEvents: 0, seed: 1 } });
    expect(run.status).toBe('finished');
  });

  it('does not start an invalid scenario: it lists the issues instead', async () => {
    const { commands, run, scenario } = setup();
    scenario.setText('{ "format": "l7-scenario", "version": 1 }');
    await commands.startRun();
    expect(host.runs).toEqual([]);
    expect(run.status).toBe('invalid');
    expect(run.issues.length).toBeGreaterThan(0);
    scenario.setText('{ "format": "l7-scenario", "version": 1, "name": "x" }');
    expect(run.status).toBe('idle');
  });

  it('cancels only a running run', async () => {
    const { commands } = setup();
    await commands.cancelRun();
    expect(host.calls.filter((c) => c.method === 'cancelRun')).toEqual([]);
    await commands.startRun();
    await commands.cancelRun();
    expect(host.calls.filter((c) => c.method === 'cancelRun')).toEqual([{ method: 'cancelRun', arg: 'run-1' }]);
  });

  it('fails the run plainly when the host refuses to start it', async () => {
    const { commands, run } = setup();
    host.startRun = () => Promise.reject(new Error('no runner'));
    await commands.startRun();
    expect(run.status).toBe('failed');
    expect(run.error).toEqual({ name: 'Error', message: 'no runner' });
  });

  it('exports the finished trace as l7-trace JSON', async () => {
    const { commands, notices } = setup();
    await commands.exportTrace();
    expect(host.exports).toEqual([]);
    expect(notices.notice?.text).toMatch(/Run the scenario first/);
    await commands.startRun();
    host.emitRun({ type: 'run.started', runId: 'run-1', nodes: [], seed: 1, scenarioName: 'Untitled scenario' });
    host.emitRun({ type: 'run.batch', runId: 'run-1', batch: { events: [{ kind: 'state', id: 0, at: 0, node: 'client', protocol: 'udp', type: 'x', summary: 's', connection: null, causedBy: null, data: {} }], updates: [], metrics: [] } });
    host.emitRun({ type: 'run.finished', runId: 'run-1', summary: { stopReason: 'idle', endTime: 5, traceEvents: 1, seed: 1 } });
    await commands.exportTrace();
    expect(host.exports[0]).toMatchObject({ kind: 'json', suggestedName: 'untitled.trace.json' });
    expect(JSON.parse(host.exports[0]!.data as string)).toMatchObject({ format: 'l7-trace', endTime: 5, stopReason: 'idle' });
  });
});

describe('menu commands', () => {
  it('do exactly what the buttons and shortcuts do', async () => {
    const { run } = setup();
    host.emitMenu('run.start');
    await vi.waitFor(() => expect(run.status).toBe('running'));
    host.emitMenu('run.cancel');
    await vi.waitFor(() => expect(host.calls.some((c) => c.method === 'cancelRun')).toBe(true));
    host.emitMenu('view.toggleTransport');
    expect(usePreferencesStore().showTransport).toBe(false);
    host.emitMenu('file.save');
    await vi.waitFor(() => expect(host.saves).toHaveLength(1));
  });

  it('switches state marks and idle-gap compression from the View menu', async () => {
    const { commands } = setup();
    const chart = useChartViewStore();
    const [states, gaps] = [chart.showStates, chart.compressGaps];
    await commands.perform('view.toggleStates');
    await commands.perform('view.toggleGaps');
    expect([chart.showStates, chart.compressGaps]).toEqual([!states, !gaps]);
  });

  it('handles every command of the contract', async () => {
    const { commands } = setup();
    const { MENU_COMMANDS } = await import('../../src-core/api/contract');
    for (const command of MENU_COMMANDS) await expect(commands.perform(command)).resolves.toBeUndefined();
  });
});
