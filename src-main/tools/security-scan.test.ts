import type { ElectronegativityIssue } from '@doyensec/electronegativity';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assess, EXCLUDED_CHECKS, formatIssue, verifyPreloads } from './security-scan';

const level = (name: string, value: number) => ({ name, value });
const SEVERITY = { HIGH: level('HIGH', 3), MEDIUM: level('MEDIUM', 2), LOW: level('LOW', 1), INFORMATIONAL: level('INFORMATIONAL', 0) };

function issue(id: string, severity: keyof typeof SEVERITY): ElectronegativityIssue {
  return {
    file: '/out/main/index.js',
    location: { line: 3, column: 7 },
    id,
    description: `${id} description`,
    severity: SEVERITY[severity],
    confidence: level('FIRM', 1),
    manualReview: false,
    shortenedURL: 'https://git.io/x',
    sample: '  new BrowserWindow({',
  };
}

describe('security scan gate', () => {
  it('fails on HIGH and MEDIUM findings, not on LOW or informational ones', () => {
    const result = assess({
      issues: [issue('CONTEXT_ISOLATION_JS_CHECK', 'HIGH'), issue('SANDBOX_JS_CHECK', 'MEDIUM'), issue('CSP_GLOBAL_CHECK', 'LOW'), issue('X', 'INFORMATIONAL')],
      errors: [],
    });
    expect(result.failing.map((i) => i.id)).toEqual(['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK']);
    expect(result.passing.map((i) => i.id)).toEqual(['CSP_GLOBAL_CHECK', 'X']);
  });

  it('sets aside only the excluded checks, each with a reason', () => {
    expect(EXCLUDED_CHECKS.map((e) => e.id)).toEqual(['PRELOAD_JS_CHECK']);
    for (const e of EXCLUDED_CHECKS) expect(e.reason.length).toBeGreaterThan(80);
    const result = assess({ issues: [issue('PRELOAD_JS_CHECK', 'MEDIUM'), issue('AUXCLICK_JS_CHECK', 'MEDIUM'), issue('LIMIT_NAVIGATION_GLOBAL_CHECK', 'HIGH')], errors: [] });
    expect(result.excluded.map((i) => i.id)).toEqual(['PRELOAD_JS_CHECK']);
    expect(result.failing.map((i) => i.id)).toEqual(['AUXCLICK_JS_CHECK', 'LIMIT_NAVIGATION_GLOBAL_CHECK']);
  });

  it('counts a file the scanner could not parse as a failure, a tolerable warning not', () => {
    const result = assess({ issues: [], errors: [{ file: 'a.js', message: 'Unexpected token', tolerable: false }, { file: 'b.js', message: 'w', tolerable: true }] });
    expect(result.unreadable.map((e) => e.file)).toEqual(['a.js']);
  });

  it('prints a finding with its place, description and sample', () => {
    const text = formatIssue(issue('SANDBOX_JS_CHECK', 'MEDIUM'), '/out');
    expect(text).toContain('MEDIUM');
    expect(text).toContain('SANDBOX_JS_CHECK  main/index.js:3:7');
    expect(text).toContain('SANDBOX_JS_CHECK description https://git.io/x');
    expect(text).toContain('new BrowserWindow({');
  });
});

describe('preload review', () => {
  function out(preload: string): string {
    const dir = mkdtempSync(join(tmpdir(), 'l7-scan-'));
    mkdirSync(join(dir, 'preload'));
    writeFileSync(join(dir, 'preload', 'preload.cjs'), preload);
    return dir;
  }

  it('accepts a preload that loads only electron and exposes window.l7', () => {
    expect(verifyPreloads(out('"use strict";\nconst electron = require("electron");\nelectron.contextBridge.exposeInMainWorld("l7", createBridge(electron.ipcRenderer));\n'))).toEqual([]);
  });

  it('rejects other modules, other or extra exposed objects, and a raw ipcRenderer', () => {
    const problems = verifyPreloads(
      out('const e = require("electron");\nconst fs = require("fs");\ne.contextBridge.exposeInMainWorld("l7", {});\ne.contextBridge.exposeInMainWorld("ipc", e.ipcRenderer);\n'),
    );
    expect(problems).toEqual([
      'preload.cjs loads "fs"; a sandboxed preload loads only "electron"',
      'preload.cjs must expose exactly one object, "l7"; found "l7", "ipc"',
      'preload.cjs exposes ipcRenderer itself',
    ]);
    expect(verifyPreloads(join(tmpdir(), 'no-such-out'))).toEqual([`no preload folder at ${join(tmpdir(), 'no-such-out', 'preload')}`]);
  });
});
