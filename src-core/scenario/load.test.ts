import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scenarioArb } from './arbitraries.test-helper';
import { TCP_TWO_CLIENTS_TEXT, UDP_UPPER_TEXT } from './fixtures';
import { formatIssue, MAX_ISSUES, parseScenarioBytes, parseScenarioText, validateScenario } from './load';
import type { LoadResult, ScenarioIssue } from './load';
import { expectedLocation, fixture, lineColumn } from './load.test-helper';

function issuesOf(result: LoadResult): ScenarioIssue[] {
  if (result.ok) throw new Error('expected the scenario to be refused');
  return result.issues;
}

/** Every path-to-leaf of a JSON value (objects and arrays included). */
function pathsOf(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  const out = [path];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...pathsOf(v, [...path, i])));
  else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) out.push(...pathsOf(v, [...path, k]));
  }
  return out;
}

function setAt(root: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  let parent = root as Record<string | number, unknown>;
  for (const segment of path.slice(0, -1)) parent = parent[segment] as Record<string | number, unknown>;
  parent[path[path.length - 1]!] = value;
  return root;
}

/** The shape every failed result must have. */
function expectWellFormedIssues(result: LoadResult, located: boolean): void {
  if (result.ok) return;
  expect(result.issues.length).toBeGreaterThan(0);
  expect(result.issues.length).toBeLessThanOrEqual(MAX_ISSUES);
  for (const issue of result.issues) {
    expect(typeof issue.path).toBe('string');
    expect(typeof issue.message).toBe('string');
    expect(issue.message.length).toBeGreaterThan(0);
    if (located) {
      expect(Number.isInteger(issue.line) && issue.line! >= 1).toBe(true);
      expect(Number.isInteger(issue.column) && issue.column! >= 1).toBe(true);
      expect(Number.isInteger(issue.offset) && issue.offset! >= 0).toBe(true);
    }
  }
  if (located) {
    const offsets = result.issues.map((i) => i.offset ?? Infinity);
    expect([...offsets].sort((a, b) => a - b)).toEqual(offsets);
  }
}

describe('parseScenarioText: valid scenarios', () => {
  it('loads the UDP fixture with every default filled in', () => {
    const result = parseScenarioText(UDP_UPPER_TEXT);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const s = result.scenario;
    expect(s.name).toBe('UDP upper-case server');
    expect(s.links.map((l) => [l.id, l.queuePackets, l.lossRate])).toEqual([
      ['access', 100, 0],
      ['core', 50, 0],
    ]);
    expect(s.workload).toEqual([
      { type: 'udp-upper-client', atMs: 0, node: 'client', server: 'server', port: 12000, line: 'hello, network', timeoutMs: 1000 },
    ]);
    expect(s.run).toEqual({ seed: 7, endTimeMs: 5000, maxEvents: 10_000_000 });
    expect(s.lossRules).toEqual([]);
    expect(s.view.showTransport).toBe(false);
  });

  it('loads the TCP fixture, giving links without an id the id "a-b"', () => {
    const result = parseScenarioText(TCP_TWO_CLIENTS_TEXT);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const s = result.scenario;
    expect(s.links.map((l) => l.id)).toEqual(['client1-r1', 'client2-r1', 'core']);
    expect(s.workload.map((a) => a.node)).toEqual(['client1', 'client2']);
    expect(s.run).toEqual({ seed: 1, endTimeMs: 10_000, maxEvents: 10_000_000 });
    expect(s.lossRules).toEqual([{ from: 'client1', to: 'server', protocol: 'tcp', dataOnly: true, nth: [1] }]);
    expect(s.view).toEqual({ showTransport: true, compressIdleGaps: false });
    expect(s.nodes.map((n) => n.services.length)).toEqual([0, 0, 0, 1]);
  });

  it('accepts a byte-order mark and any line ends', () => {
    expect(parseScenarioText(`\uFEFF${UDP_UPPER_TEXT}`).ok).toBe(true);
    expect(parseScenarioText(UDP_UPPER_TEXT.replace(/\n/g, '\r\n')).ok).toBe(true);
  });

  it('loads every generated valid scenario', () => {
    fc.assert(
      fc.property(scenarioArb, (input) => {
        const result = parseScenarioText(JSON.stringify(input));
        if (!result.ok) expect(result.issues).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});

describe('parseScenarioText: refused files', () => {
  it('locates a JSON syntax error', () => {
    const text = UDP_UPPER_TEXT.replace('"version": 1,', '"version": 1');
    expect(issuesOf(parseScenarioText(text))).toEqual([
      { path: '', message: 'expected \',\' or \'}\' after a property value, got "name"', line: 4, column: 3, offset: 46 },
    ]);
    expect(text.slice(46, 52)).toBe('"name"');
  });

  it('refuses comments and trailing commas', () => {
    const text = UDP_UPPER_TEXT.replace('"version": 1,', '"version": 1, // v1').replace('"bandwidthMbps": 100 }', '"bandwidthMbps": 100, }');
    const comma = lineColumn(text, text.indexOf('100, }') + 3);
    expect(issuesOf(parseScenarioText(text)).map((i) => `${i.line}:${i.column} ${i.message}`)).toEqual([
      '3:17 comments are not allowed in JSON',
      `${comma.line}:${comma.column} trailing comma: JSON allows no ',' after the last property of an object`,
    ]);
  });

  it('gives clear messages for an empty file, a non-object and another format', () => {
    expect(issuesOf(parseScenarioText(''))[0]!.message).toMatch(/^the file is empty/);
    expect(issuesOf(parseScenarioText('[1, 2]'))).toEqual([
      { path: '', message: 'expected a scenario object, got an array of 2 items', line: 1, column: 1, offset: 0 },
    ]);
    expect(issuesOf(parseScenarioText('{\n  "nodes": []\n}'))).toEqual([
      { path: 'format', message: 'not an L7 Lab scenario (expected "format": "l7-scenario")', line: 1, column: 1, offset: 0 },
    ]);
  });

  it('explains that a newer version needs a newer L7 Lab', () => {
    const text = UDP_UPPER_TEXT.replace('"version": 1', '"version": 2');
    expect(issuesOf(parseScenarioText(text))).toEqual([
      {
        path: 'version',
        message: 'this file was written by a newer L7 Lab (scenario format version 2); this version reads version 1',
        line: 3,
        column: 14,
        offset: 42,
      },
    ]);
    expect(text[42]).toBe('2');
  });

  it('names an unknown property and points at its name', () => {
    const text = UDP_UPPER_TEXT.replace('"delayMs": 10', '"delay": 10');
    const issues = issuesOf(parseScenarioText(text));
    const at = lineColumn(text, text.indexOf('"delay"'));
    const linkAt = expectedLocation(text, ['links', 1]);
    expect(issues).toEqual([
      {
        path: 'links[1].delayMs',
        message: 'missing property "delayMs": expected a number from 0 to 1000000000 (milliseconds)',
        ...linkAt,
        offset: expect.any(Number),
      },
      { path: 'links[1].delay', message: 'unknown property "delay" (did you mean "delayMs"?)', ...at, offset: text.indexOf('"delay"') },
    ]);
    expect(formatIssue(issues[1]!, 'lesson.l7.json')).toBe(
      `lesson.l7.json:${at.line}:${at.column}: links[1].delay: unknown property "delay" (did you mean "delayMs"?)`,
    );
  });

  it('reports duplicate properties with the other issues, in file order', () => {
    const text = UDP_UPPER_TEXT.replace('"name": "UDP upper-case server",', '"name": "a", "name": "b", "nme": 1,');
    expect(issuesOf(parseScenarioText(text)).map((i) => `${i.line}:${i.column} ${i.path}: ${i.message}`)).toEqual([
      '4:16 name: duplicate property "name" (also at line 4, column 3; give each property once)',
      '4:29 nme: unknown property "nme" (did you mean "name"?)',
    ]);
  });

  it(`reports at most ${MAX_ISSUES} issues, sorted, and says how many more there were`, () => {
    const doc = fixture('udp');
    for (let i = 0; i < 60; i++) doc.nodes.push({ id: `extra${i}`, kind: 'host', address: '10.0.1.2' });
    const issues = issuesOf(parseScenarioText(JSON.stringify(doc, null, 2)));
    expect(issues).toHaveLength(MAX_ISSUES);
    expect(issues[0]!.path).toBe('nodes[3].address');
    expect(issues[MAX_ISSUES - 2]!.path).toBe(`nodes[${3 + MAX_ISSUES - 2}].address`);
    expect(issues[MAX_ISSUES - 1]).toEqual({ path: '', message: '11 more issues not shown (only the first 49 are listed)' });
  });
});

describe('parseScenarioBytes: a file as its bytes', () => {
  const utf8 = (text: string) => new TextEncoder().encode(text);

  it('loads UTF-8 with or without a byte-order mark, as the text would', () => {
    expect(parseScenarioBytes(utf8(UDP_UPPER_TEXT))).toEqual(parseScenarioText(UDP_UPPER_TEXT));
    const withBom = Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(UDP_UPPER_TEXT)]);
    expect(parseScenarioBytes(withBom)).toEqual(parseScenarioText(UDP_UPPER_TEXT));
  });

  it('refuses invalid UTF-8 where it is, rather than loading U+FFFD in its place', () => {
    // Latin-1 "é" (0xE9) in the scenario's name: TextDecoder without `fatal` would load the name "Caf\uFFFD".
    const [before, after] = UDP_UPPER_TEXT.replace('"UDP upper-case server"', '"Caf#"').split('#');
    const bytes = Uint8Array.from([...utf8(before!), 0xe9, ...utf8(after!)]);
    expect(new TextDecoder().decode(bytes)).toContain('"Caf\uFFFD"');
    const { line, column } = lineColumn(before!, before!.length);
    expect(issuesOf(parseScenarioBytes(bytes)).map((i) => formatIssue(i, 'lab.l7.json'))).toEqual([
      `lab.l7.json:${line}:${column}: byte ${before!.length}: invalid UTF-8 (0xE9 0x22); save the file as UTF-8`,
    ]);
  });

  it('calls a binary file not a text file instead of reporting a JSON syntax error', () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    expect(issuesOf(parseScenarioBytes(png)).map((i) => formatIssue(i, 'chart.png'))).toEqual([
      'chart.png: not a text file (it looks like a PNG image): byte 8 is a NUL (0x00), which JSON text never contains',
    ]);
  });

  it('never throws on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => expectWellFormedIssues(parseScenarioBytes(bytes), false)),
      { numRuns: 300 },
    );
  });
});

describe('validateScenario', () => {
  it('validates a parsed value and fills in defaults', () => {
    const result = validateScenario(fixture('tcp'));
    expect(result.ok && result.scenario.links[0]!.queuePackets).toBe(100);
  });

  it('reports the same issues without locations, in document order', () => {
    const doc = fixture('udp');
    doc.view.extra = 1;
    doc.links[1].bandwidthMbps = -1;
    delete doc.nodes[0].address;
    expect(issuesOf(validateScenario(doc))).toEqual([
      { path: 'nodes[0].address', message: 'missing property "address": expected a dotted IPv4 address such as "10.0.0.1" (four numbers 0–255, no leading zeros)' },
      { path: 'links[1].bandwidthMbps', message: 'expected a number from 0.000001 to 1000000 (megabits per second: 1 bit/s to 1 Tb/s), got -1' },
      { path: 'view.extra', message: 'unknown property "extra" (allowed here: laneOrder, showTransport, compressIdleGaps)' },
    ]);
  });
});

describe('the loaders never throw', () => {
  it('on hostile values', () => {
    const cyclic: Record<string, unknown> = { format: 'l7-scenario', version: 1 };
    cyclic['nodes'] = [cyclic];
    cyclic['name'] = cyclic;
    const throwing = new Proxy({}, { get: () => { throw new Error('boom'); }, ownKeys: () => { throw new Error('boom'); } });
    for (const value of [undefined, null, NaN, Symbol('x'), () => 1, 10n, cyclic, throwing, Object.create(null)]) {
      expectWellFormedIssues(validateScenario(value), false);
    }
    expectWellFormedIssues(parseScenarioText(undefined as unknown as string), false);
    expectWellFormedIssues(parseScenarioText(42 as unknown as string), false);
  });

  it('on arbitrary JSON values, as values and as text', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const direct = validateScenario(value);
        expect(direct.ok).toBe(false);
        expectWellFormedIssues(direct, false);
        const fromText = parseScenarioText(JSON.stringify(value) ?? '');
        expect(fromText.ok).toBe(false);
        expectWellFormedIssues(fromText, true);
      }),
      { numRuns: 300 },
    );
  });

  it('on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        const result = parseScenarioText(text);
        expect(result.ok).toBe(false);
        expectWellFormedIssues(result, true);
      }),
      { numRuns: 500 },
    );
  });

  it('on valid scenarios with one value replaced by arbitrary JSON', () => {
    const mutated = scenarioArb.chain((input) => {
      const paths = pathsOf(input);
      return fc.tuple(fc.constant(input), fc.constantFrom(...paths), fc.jsonValue({ maxDepth: 2 }));
    });
    fc.assert(
      fc.property(mutated, ([input, path, replacement]) => {
        const doc = setAt(structuredClone(input), path, replacement);
        expectWellFormedIssues(validateScenario(doc), false);
        expectWellFormedIssues(parseScenarioText(JSON.stringify(doc, null, 2) ?? ''), true);
      }),
      { numRuns: 300 },
    );
  });

  it('on valid scenario texts with characters deleted or inserted', () => {
    const edited = scenarioArb.chain((input) => {
      const text = JSON.stringify(input, null, 2);
      return fc.tuple(
        fc.constant(text),
        fc.nat(text.length),
        fc.nat(5),
        fc.constantFrom('', ',', '}', ']', '"', ':', '//', '\u0000', 'x', '0', '-', '\\'),
      );
    });
    fc.assert(
      fc.property(edited, ([text, at, remove, insert]) => {
        const changed = text.slice(0, at) + insert + text.slice(at + remove);
        expectWellFormedIssues(parseScenarioText(changed), true);
      }),
      { numRuns: 300 },
    );
  });
});
