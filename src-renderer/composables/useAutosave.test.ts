import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { effectScope, nextTick } from 'vue';
import { createMemoryRecoveryStore } from '../host/recovery-memory.test-helper';
import type { RecoveryEntry } from '../host/recovery';
import { useScenarioStore } from '../stores/scenario';
import { AUTOSAVE_DELAY_MS, useAutosave, type AutosaveOptions } from './useAutosave';

const NOW = 1_750_000_000_000;
const clock: AutosaveOptions = { now: () => NOW };

/** Lets the watcher run (it flushes before the next render, a microtask here) and the slot's promises settle. */
async function settle(): Promise<void> {
  await nextTick();
  await vi.advanceTimersByTimeAsync(0);
}

beforeEach(() => {
  setActivePinia(createPinia());
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

function openFile(text = '{"a": 1}\n') {
  const scenario = useScenarioStore();
  scenario.load({ path: '/home/me/lab.l7.json', name: 'lab.l7.json', text });
  return scenario;
}

describe('useAutosave', () => {
  it('writes the working copy AUTOSAVE_DELAY_MS after the last change while dirty, once per burst of edits', async () => {
    const scenario = openFile();
    const slot = createMemoryRecoveryStore();
    useAutosave(scenario, slot, clock);
    scenario.setText('{"a": 2}\n');
    await settle();
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS - 1);
    scenario.setText('{"a": 3}\n'); // restarts the wait
    await settle();
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS - 1);
    expect(slot.calls).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(slot.calls).toEqual([
      { op: 'save', entry: { name: 'lab.l7.json', path: '/home/me/lab.l7.json', text: '{"a": 3}\n', savedText: '{"a": 1}\n', at: NOW } },
    ]);
    expect(slot.held?.text).toBe('{"a": 3}\n');
  });

  it('writes nothing and clears nothing until the document changes', async () => {
    const scenario = openFile();
    const previous: RecoveryEntry = { name: 'old.l7.json', path: null, text: 'old work', savedText: '', at: 1 };
    const slot = createMemoryRecoveryStore(previous);
    useAutosave(scenario, slot, clock);
    await vi.advanceTimersByTimeAsync(10 * AUTOSAVE_DELAY_MS);
    expect(slot.calls).toEqual([]);
    expect(slot.held).toEqual(previous);
  });

  it('clears the slot when the document is saved, and drops a pending write', async () => {
    const scenario = openFile();
    const slot = createMemoryRecoveryStore();
    useAutosave(scenario, slot, clock);
    scenario.setText('edited');
    await settle();
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    expect(slot.held?.text).toBe('edited');
    scenario.setText('edited again');
    await settle();
    scenario.markSaved({ path: '/home/me/lab.l7.json', name: 'lab.l7.json' }, 'edited again');
    await settle();
    await vi.advanceTimersByTimeAsync(10 * AUTOSAVE_DELAY_MS);
    expect(slot.calls.map((c) => c.op)).toEqual(['save', 'clear']);
    expect(slot.held).toBeNull();
  });

  it('clears the slot when the text is edited back to the saved text, or another document is opened', async () => {
    const scenario = openFile('saved');
    const slot = createMemoryRecoveryStore();
    useAutosave(scenario, slot, clock);
    scenario.setText('changed');
    await settle();
    scenario.setText('saved');
    await settle();
    await vi.advanceTimersByTimeAsync(10 * AUTOSAVE_DELAY_MS);
    expect(slot.calls.map((c) => c.op)).toEqual(['clear']);

    scenario.setText('changed');
    await settle();
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    scenario.newDocument();
    await settle();
    expect(slot.calls.map((c) => c.op)).toEqual(['clear', 'save', 'clear']);
    expect(slot.held).toBeNull();
  });

  it('recoverable() gives the entry only when it differs from the open document', async () => {
    const scenario = openFile('saved');
    const entry: RecoveryEntry = { name: 'lab.l7.json', path: '/home/me/lab.l7.json', text: 'unsaved work', savedText: 'saved', at: 5 };
    const autosave = useAutosave(scenario, createMemoryRecoveryStore(entry), clock);
    expect(await autosave.recoverable()).toEqual(entry);
    scenario.setText('unsaved work');
    expect(await autosave.recoverable()).toBeNull();
    expect(await useAutosave(scenario, createMemoryRecoveryStore(), clock).recoverable()).toBeNull();
  });

  it('restoring an entry (load its savedText, then set its text) leaves the document dirty, so it stays in the slot', async () => {
    const scenario = useScenarioStore();
    const entry: RecoveryEntry = { name: 'lab.l7.json', path: null, text: 'unsaved work', savedText: 'saved', at: 5 };
    const slot = createMemoryRecoveryStore(entry);
    const autosave = useAutosave(scenario, slot, clock);
    const found = await autosave.recoverable();
    scenario.load({ path: found!.path, name: found!.name, text: found!.savedText });
    scenario.setText(found!.text);
    await settle();
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    expect(scenario.dirty).toBe(true);
    expect(slot.held).toEqual({ ...entry, at: NOW });
    await autosave.discard();
    expect(slot.held).toBeNull();
  });

  it('flush() writes a pending working copy at once', async () => {
    const scenario = openFile();
    const slot = createMemoryRecoveryStore();
    const autosave = useAutosave(scenario, slot, clock);
    await autosave.flush();
    expect(slot.calls).toEqual([]);
    scenario.setText('edited');
    await settle();
    await autosave.flush();
    expect(slot.held?.text).toBe('edited');
    await vi.advanceTimersByTimeAsync(10 * AUTOSAVE_DELAY_MS);
    expect(slot.calls).toHaveLength(1); // the timer was cancelled
  });

  it('reports a failed write to onError and tries again at the next change', async () => {
    const scenario = openFile();
    const slot = createMemoryRecoveryStore();
    const onError = vi.fn();
    useAutosave(scenario, slot, { ...clock, onError });
    slot.failWith(new Error('QuotaExceededError'));
    scenario.setText('edited');
    await settle();
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    expect(onError).toHaveBeenCalledWith(new Error('QuotaExceededError'));
    slot.failWith(null);
    scenario.setText('edited more');
    await settle();
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    expect(slot.held?.text).toBe('edited more');
  });

  it('takes its delay from the options and stops with its effect scope', async () => {
    const scenario = openFile();
    const slot = createMemoryRecoveryStore();
    const scope = effectScope();
    scope.run(() => useAutosave(scenario, slot, { ...clock, delayMs: 50 }));
    scenario.setText('edited');
    await settle();
    await vi.advanceTimersByTimeAsync(50);
    expect(slot.calls).toHaveLength(1);
    scenario.setText('edited more');
    await settle();
    scope.stop();
    scenario.setText('saved');
    await settle();
    await vi.advanceTimersByTimeAsync(10 * AUTOSAVE_DELAY_MS);
    expect(slot.calls).toHaveLength(1);
  });
});
