import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, readJson } from './json-text';
import type { ScenarioIssue } from './errors';

/** The issues of a text that must fail, as "line:column message". */
function errors(text: string): string[] {
  const result = readJson(text);
  if (result.ok) throw new Error('expected a syntax error');
  return result.issues.map((i: ScenarioIssue) => `${i.line}:${i.column} ${i.message}`);
}

describe('readJson: strict JSON', () => {
  it('reads valid JSON, with or without a BOM', () => {
    const plain = readJson('{"a": [1, "x"]}');
    expect(plain.ok && plain.doc.value).toEqual({ a: [1, 'x'] });
    const bom = readJson('\uFEFF{"a": 1}');
    expect(bom.ok && bom.doc.value).toEqual({ a: 1 });
  });

  it('reports a missing comma between properties at the next property', () => {
    const text = '{\n  "name": "x"\n  "nodes": []\n}';
    expect(errors(text)).toEqual(['3:3 expected \',\' or \'}\' after a property value, got "nodes"']);
  });

  it('reports a missing comma in an array', () => {
    expect(errors('[1 2]')).toEqual(["1:4 expected ',' or ']' after an array element, got 2"]);
  });

  it('reports every trailing comma and comment, at the comma or comment', () => {
    const text = '{\n  // note\n  "a": [1, 2,],\n  "b": 1,\n}';
    expect(errors(text)).toEqual([
      '2:3 comments are not allowed in JSON',
      "3:13 trailing comma: JSON allows no ',' after the last element of an array",
      "4:9 trailing comma: JSON allows no ',' after the last property of an object",
    ]);
    expect(errors('{"a":1}/* c */')).toEqual(['1:8 comments are not allowed in JSON']);
  });

  it('stops at the first error it cannot recover from', () => {
    expect(errors('{"a" 1, "b" 2}')).toEqual(["1:6 expected ':' after a property name, got 1"]);
  });

  it('names an unclosed object or array and where it opened', () => {
    expect(errors('{\n  "a": {\n    "b": 1\n')).toEqual([
      "4:1 unexpected end of file: expected '}' to close the object opened at line 2, column 8",
    ]);
    expect(errors('{"a": [1,\n2')).toEqual([
      "2:2 unexpected end of file: expected ']' to close the array opened at line 1, column 7",
    ]);
  });

  it('explains common non-JSON habits', () => {
    expect(errors("{'a': 1}")).toEqual(['1:2 unexpected "\'a\'": JSON strings and property names use double quotes']);
    expect(errors('{a: 1}')).toEqual(['1:2 unexpected "a": property names must be strings in double quotes']);
    expect(errors('{"a": NaN}')).toEqual(['1:7 unexpected NaN: JSON numbers cannot be NaN or Infinity']);
    expect(errors('{"a": True}')).toEqual(['1:7 unexpected "True": JSON literals are lowercase (true)']);
    expect(errors('{"a": 012}')).toEqual(['1:7 a number must not start with 0 unless it is 0 (no leading zeros)']);
    expect(errors('{"a":\u00a01}')).toEqual([
      '1:6 unexpected character U+00A0: only spaces, tabs and line breaks may separate JSON tokens',
    ]);
    expect(errors('{"a": 1} x')).toEqual(['1:10 unexpected x after the end of the JSON value (a file holds one value)']);
  });

  it('points inside strings at the bad character or escape', () => {
    expect(errors('{"a": "x\ty"}')).toEqual(['1:9 control character U+0009 in a string: write it as \\t']);
    expect(errors('{"a": "x\\qy"}')).toEqual([
      '1:9 invalid escape "\\q" in a string (valid: \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)',
    ]);
    expect(errors('{"a": "\\u12G4"}')).toEqual(['1:8 invalid \\u escape: expected 4 hexadecimal digits after \\u']);
    expect(errors('{"a": "abc')).toEqual(['1:7 unterminated string: expected a closing \'"\' on the same line']);
  });

  it('counts lines ending in \\n, \\r\\n or \\r, and columns in UTF-16 code units', () => {
    expect(errors('{\r\n"a": 1\r\n"b": 2}')).toEqual(['3:1 expected \',\' or \'}\' after a property value, got "b"']);
    expect(errors('{\r"a": 1\r"b": 2}')).toEqual(['3:1 expected \',\' or \'}\' after a property value, got "b"']);
    expect(errors('{"😀": 1 "b": 2}')).toEqual(['1:10 expected \',\' or \'}\' after a property value, got "b"']);
  });

  it('counts a BOM in the offset but not in the column', () => {
    const result = readJson('\uFEFF{"a" 1}');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]).toMatchObject({ line: 1, column: 6, offset: 6 });
  });

  it('gives a clear message for an empty file', () => {
    for (const empty of ['', '   \n\t', '\uFEFF']) {
      expect(errors(empty)).toEqual([
        '1:1 the file is empty: expected a JSON object starting with { "format": "l7-scenario", … }',
      ]);
    }
  });

  it(`refuses nesting deeper than ${MAX_JSON_DEPTH} levels before parsing`, () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    expect(errors(deep)).toEqual([
      `1:${MAX_JSON_DEPTH + 1} nested too deeply: more than ${MAX_JSON_DEPTH} levels of arrays and objects`,
    ]);
    expect(readJson('['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH)).ok).toBe(true);
    expect(readJson('["[[[[", {"a": "{{{{"}]').ok).toBe(true);
  });
});
