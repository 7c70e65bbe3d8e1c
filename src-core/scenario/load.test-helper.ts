/**
 * Test support (imported only by *.test.ts): building scenario texts and
 * finding, independently of the loader, where a JSON path lies in a text.
 */
import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import { TCP_TWO_CLIENTS_TEXT, UDP_UPPER_TEXT } from './fixtures';
import type { ScenarioInput } from './schema';

/** Untyped JSON, so that tests can write wrong values into a scenario on purpose. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests deliberately break the types
export type LooseJson = any;

/** A fresh, mutable copy of a fixture as a plain JSON value. */
export function fixture(name: 'udp' | 'tcp'): LooseJson {
  return JSON.parse(name === 'udp' ? UDP_UPPER_TEXT : TCP_TWO_CLIENTS_TEXT) as ScenarioInput;
}

/** 1-based line and column of the value at `path` in `text`, found with jsonc-parser directly. */
export function expectedLocation(text: string, path: (string | number)[]): { line: number; column: number } {
  const root = parseTree(text);
  const node = root === undefined ? undefined : findNodeAtLocation(root, path);
  if (node === undefined) throw new Error(`no value at ${JSON.stringify(path)}`);
  return lineColumn(text, node.offset);
}

/** 1-based line and column of a text offset (lines end at \n). */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}
