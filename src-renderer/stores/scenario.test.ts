import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../src-core/scenario/load';
import { lessonText } from '../testing/lessons';
import { NEW_FILE_NAME } from './new-scenario';
import { useScenarioStore } from './scenario';

beforeEach(() => setActivePinia(createPinia()));

describe('scenario store', () => {
  it('starts with a new scenario that is valid and not dirty', () => {
    const scenario = useScenarioStore();
    expect(scenario.name).toBe(NEW_FILE_NAME);
    expect(scenario.valid).toBe(true);
    expect(scenario.issues).toEqual([]);
    expect(scenario.dirty).toBe(false);
    expect(scenario.title).toBe('Untitled scenario');
  });

  it('loads a lesson, parses it and remembers where it came from', () => {
    const scenario = useScenarioStore();
    scenario.load({ path: null, name: 'sockets-tcp.l7.json', text: lessonText('sockets-tcp') }, 'sockets-tcp');
    expect(scenario.lessonId).toBe('sockets-tcp');
    expect(scenario.scenario?.nodes.map((n) => n.id)).toEqual(['clientA', 'clientB', 'router', 'server']);
    expect(scenario.title).toBe('Socket programming: TCP');
    expect(scenario.dirty).toBe(false);
  });

  it('takes what the loader made of the text when given it (Open has parsed the file already)', () => {
    const scenario = useScenarioStore();
    const text = lessonText('sockets-tcp');
    const parsed = parseScenarioText(text);
    scenario.load({ path: null, name: 'sockets-tcp.l7.json', text }, null, parsed);
    expect(parsed.ok && scenario.scenario === parsed.scenario).toBe(true);
    expect(scenario.text).toBe(text);
    expect(scenario.dirty).toBe(false);
  });

  it('reports each issue with its JSON path and line', () => {
    const scenario = useScenarioStore();
    const text = lessonText('sockets-tcp').replace('"b": "server"', '"b": "srv"');
    scenario.load({ path: null, name: 'bad.l7.json', text });
    expect(scenario.valid).toBe(false);
    expect(scenario.issues).toHaveLength(1);
    expect(scenario.issues[0]).toMatchObject({ path: 'links[2].b', line: 22 });
    expect(scenario.issues[0]!.message).toMatch(/srv/);
  });

  it('reports text that is not JSON with its line and column', () => {
    const scenario = useScenarioStore();
    scenario.load({ path: null, name: 'x.l7.json', text: '{\n  "format": "l7-scenario",\n  oops\n}' });
    expect(scenario.issues[0]).toMatchObject({ line: 3 });
  });

  it('is dirty after an edit and clean again after saving or undoing it', () => {
    const scenario = useScenarioStore();
    const original = scenario.text;
    scenario.setText(original.replace('"hello"', '"hi there"'));
    expect(scenario.dirty).toBe(true);
    expect(scenario.valid).toBe(true);
    scenario.setText(original);
    expect(scenario.dirty).toBe(false);
    scenario.setText('{');
    expect(scenario.valid).toBe(false);
    scenario.markSaved({ path: '/home/s/a.l7.json', name: 'a.l7.json' }, '{');
    expect(scenario.dirty).toBe(false);
    expect(scenario.path).toBe('/home/s/a.l7.json');
    expect(scenario.name).toBe('a.l7.json');
  });

  it('stays dirty for edits made while a save was under way', () => {
    const scenario = useScenarioStore();
    scenario.setText('{"a":1}');
    const savedAs = scenario.text;
    scenario.setText('{"a":2}');
    scenario.markSaved({ path: null, name: 'a.l7.json' }, savedAs);
    expect(scenario.dirty).toBe(true);
  });

  it('counts loads so views can reset', () => {
    const scenario = useScenarioStore();
    const g = scenario.generation;
    scenario.newDocument();
    expect(scenario.generation).toBe(g + 1);
  });
});
