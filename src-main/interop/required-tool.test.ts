import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { findOnPath, MissingToolError, requireTool } from './required-tool';

function fakeContext() {
  return { skip: vi.fn<(note?: string) => void>() };
}

describe('requireTool', () => {
  it('lets the test run when the tool is there, in CI or not', () => {
    for (const CI of ['true', undefined]) {
      const log = vi.fn();
      const dig = requireTool('dig', 'dnsutils', { env: { CI }, lookup: (tool) => tool === 'dig', log });
      const ctx = fakeContext();
      expect(dig.available).toBe(true);
      expect(() => dig.guard(ctx)).not.toThrow();
      expect(ctx.skip).not.toHaveBeenCalled();
      expect(log).not.toHaveBeenCalled();
    }
  });

  it('in CI, fails every test that needs a missing tool, naming the tool and its Debian package', () => {
    const log = vi.fn();
    const dig = requireTool('dig', 'dnsutils', { env: { CI: 'true' }, lookup: () => false, log });
    const ctx = fakeContext();
    for (let i = 0; i < 2; i++) {
      expect(() => dig.guard(ctx)).toThrow(new MissingToolError('dig is not installed (Debian package dnsutils), and CI=true requires it: apt-get install dnsutils'));
    }
    expect(ctx.skip).not.toHaveBeenCalled();
  });

  it('outside CI, skips with the reason as the skip note, and prints it once', () => {
    const log = vi.fn();
    const tshark = requireTool('tshark', 'tshark', { env: { CI: 'false' }, lookup: () => false, log });
    const first = fakeContext();
    const second = fakeContext();
    tshark.guard(first);
    tshark.guard(second);
    const note = 'tshark is not installed (Debian package tshark): skipped; with CI=true this test fails instead';
    expect(first.skip).toHaveBeenCalledWith(note);
    expect(second.skip).toHaveBeenCalledWith(note);
    expect(log).toHaveBeenCalledTimes(1);
    expect(log).toHaveBeenCalledWith('tshark is not installed (Debian package tshark): the tests that need it are skipped; with CI=true they fail instead');
  });

  it('only CI=true counts as CI', () => {
    for (const CI of [undefined, '', 'false', '0']) {
      const curl = requireTool('curl', 'curl', { env: { CI }, lookup: () => false, log: () => {} });
      const ctx = fakeContext();
      expect(() => curl.guard(ctx)).not.toThrow();
      expect(ctx.skip).toHaveBeenCalledTimes(1);
    }
  });

  it('by default looks the tool up on the PATH of the environment it is given', () => {
    const bin = mkdtempSync(join(tmpdir(), 'l7-tools-'));
    writeFileSync(join(bin, 'swaks'), '#!/bin/sh\n');
    chmodSync(join(bin, 'swaks'), 0o755);
    const swaks = requireTool('swaks', 'swaks', { env: { PATH: bin, CI: 'true' } });
    expect(swaks.available).toBe(true);
    expect(requireTool('swaks', 'swaks', { env: { PATH: '', CI: 'true' } }).available).toBe(false);
  });
});

describe('findOnPath', () => {
  it('finds executable files only, in any folder of the PATH', () => {
    const root = mkdtempSync(join(tmpdir(), 'l7-path-'));
    const [a, b] = [join(root, 'a'), join(root, 'b')];
    mkdirSync(a);
    mkdirSync(b);
    writeFileSync(join(b, 'tool'), '#!/bin/sh\n');
    chmodSync(join(b, 'tool'), 0o755);
    writeFileSync(join(a, 'plain'), 'not executable');
    chmodSync(join(a, 'plain'), 0o644);
    mkdirSync(join(a, 'folder'));
    const path = [join(root, 'missing'), '', a, b].join(delimiter);
    expect(findOnPath('tool', path)).toBe(true);
    expect(findOnPath('plain', path)).toBe(process.platform === 'win32'); // Windows has no executable bit
    expect(findOnPath('folder', path)).toBe(false);
    expect(findOnPath('absent', path)).toBe(false);
  });
});
