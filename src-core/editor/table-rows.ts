/**
 * Edits of a 'table' field's rows, each giving the whole new list (the form
 * sets the list at the field's path in one edit).
 *
 * Rules:
 * - A new row has every cell of the first variant that starts with a value
 *   (FormColumn.initial) and an empty list for each nested list.
 * - Changing a row's discriminator (a record's type) keeps the cells the new
 *   variant has, drops the others and adds the new variant's required cells.
 * - Setting a cell to undefined removes it (an absent optional property).
 * - Rows are never mutated.
 */
import type { FormColumn } from './form-types';

export type Row = Readonly<Record<string, unknown>>;

/** Whether `row` has the cell of `column` (its variant has it). */
export function hasCell(row: Row, column: FormColumn): boolean {
  if (column.onlyWhen === undefined) return true;
  return column.onlyWhen.values.includes(String(row[column.onlyWhen.key]));
}

export function newRow(columns: readonly FormColumn[], nestedKeys: readonly string[] = []): Row {
  const row: Record<string, unknown> = {};
  for (const column of columns) {
    if (hasCell(row, column) && column.initial !== undefined) row[column.key] = column.initial;
  }
  for (const key of nestedKeys) row[key] = [];
  return row;
}

export function addRow(rows: readonly Row[], columns: readonly FormColumn[], nestedKeys: readonly string[] = []): Row[] {
  return [...rows, newRow(columns, nestedKeys)];
}

export function deleteRow(rows: readonly Row[], index: number): Row[] {
  return rows.filter((_, i) => i !== index);
}

export function setCell(rows: readonly Row[], index: number, column: FormColumn, value: unknown, columns: readonly FormColumn[]): Row[] {
  return rows.map((row, i) => (i === index ? withCell(row, column, value, columns) : row));
}

function withCell(row: Row, column: FormColumn, value: unknown, columns: readonly FormColumn[]): Row {
  const next: Record<string, unknown> = { ...row };
  if (value === undefined) delete next[column.key];
  else next[column.key] = value;
  const switches = columns.some((c) => c.onlyWhen?.key === column.key);
  if (!switches) return next;
  for (const other of columns) {
    if (other.onlyWhen?.key !== column.key) continue;
    if (!hasCell(next, other)) delete next[other.key];
    else if (!(other.key in next) && other.initial !== undefined) next[other.key] = other.initial;
  }
  return next;
}
