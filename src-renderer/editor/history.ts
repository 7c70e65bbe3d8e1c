/**
 * Undo and redo of the topology editor: a stack of the scenario texts before
 * and after each editor command (a drag, a drop, a form field: one step
 * each). The text is the document (stores/scenario.ts), so undoing restores
 * exactly what was there, whatever the command did.
 *
 * Rule: a step is undone only while the text is still what the step left;
 * once the text changed another way (typed in the Source tab, another file
 * opened) the steps no longer apply and are dropped.
 */
export interface HistoryStep {
  /** What the step did, for the Undo button's title: "add Root DNS server". */
  readonly label: string;
  readonly before: string;
  readonly after: string;
}

/** Steps kept; older ones are forgotten. */
export const HISTORY_LIMIT = 200;

export class EditHistory {
  private done: HistoryStep[] = [];
  private undone: HistoryStep[] = [];

  record(step: HistoryStep): void {
    if (step.before === step.after) return;
    this.done.push(step);
    if (this.done.length > HISTORY_LIMIT) this.done.shift();
    this.undone = [];
  }

  /** The step to undo while the text is `current`, taken off the stack; null when none applies. */
  undo(current: string): HistoryStep | null {
    const step = this.done.at(-1);
    if (!step || step.after !== current) return this.forgetUnless(step, current);
    this.done.pop();
    this.undone.push(step);
    return step;
  }

  redo(current: string): HistoryStep | null {
    const step = this.undone.at(-1);
    if (!step || step.before !== current) {
      if (step) this.undone = [];
      return null;
    }
    this.undone.pop();
    this.done.push(step);
    return step;
  }

  /** The labels of the next undo and redo while the text is `current`. */
  next(current: string): { undo: string | null; redo: string | null } {
    const u = this.done.at(-1);
    const r = this.undone.at(-1);
    return { undo: u && u.after === current ? u.label : null, redo: r && r.before === current ? r.label : null };
  }

  clear(): void {
    this.done = [];
    this.undone = [];
  }

  private forgetUnless(step: HistoryStep | undefined, current: string): null {
    if (step && step.after !== current) this.clear();
    return null;
  }
}
