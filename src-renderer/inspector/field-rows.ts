/**
 * The inspector's field tree as rows, and the mapping between fields and
 * bytes. A field is named by its key, the path of child indexes from the top
 * ("0.3.1"), which stays the same while the tree is shown.
 */
import type { FieldNode } from '../../src-core/dissect';

export interface FieldRow {
  readonly key: string;
  readonly node: FieldNode;
  /** 1 for top-level fields (aria-level). */
  readonly level: number;
  readonly parent: string | null;
  readonly expandable: boolean;
  readonly expanded: boolean;
  /** aria-posinset / aria-setsize among its siblings. */
  readonly position: number;
  readonly siblings: number;
}

/** The rows shown: every top-level field, and the children of expanded ones. */
export function visibleRows(tree: readonly FieldNode[], expanded: ReadonlySet<string>): FieldRow[] {
  const rows: FieldRow[] = [];
  const walk = (nodes: readonly FieldNode[], parent: string | null, level: number): void => {
    nodes.forEach((node, i) => {
      const key = parent === null ? String(i) : `${parent}.${i}`;
      const open = node.children.length > 0 && expanded.has(key);
      rows.push({ key, node, level, parent, expandable: node.children.length > 0, expanded: open, position: i + 1, siblings: nodes.length });
      if (open) walk(node.children, key, level + 1);
    });
  };
  walk(tree, null, 1);
  return rows;
}

/** The field a key names, or null. */
export function fieldAt(tree: readonly FieldNode[], key: string): FieldNode | null {
  let nodes = tree;
  let node: FieldNode | null = null;
  for (const part of key.split('.')) {
    node = nodes[Number(part)] ?? null;
    if (node === null) return null;
    nodes = node.children;
  }
  return node;
}

/** The innermost field whose byte range holds `offset` (the first of equals), or null. */
export function fieldAtByte(tree: readonly FieldNode[], offset: number): string | null {
  let found: string | null = null;
  let nodes = tree;
  let prefix = '';
  for (;;) {
    const i = nodes.findIndex((n) => n.length > 0 && offset >= n.offset && offset < n.offset + n.length);
    if (i < 0) return found;
    found = `${prefix}${i}`;
    prefix = `${found}.`;
    nodes = nodes[i]!.children;
  }
}

/** The keys of a field's ancestors, outermost first ("0.3.1" → ["0", "0.3"]). */
export function ancestorsOf(key: string): string[] {
  const parts = key.split('.');
  return parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('.'));
}

/** Top-level fields open, so a tree like TCP's shows its fields at once. */
export function initiallyExpanded(tree: readonly FieldNode[]): Set<string> {
  return new Set(tree.map((n, i) => (n.children.length > 0 ? String(i) : '')).filter(Boolean));
}
