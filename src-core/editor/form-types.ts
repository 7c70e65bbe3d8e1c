/**
 * The properties panel's form, as data: one FormField per field of the
 * selected object, generated from the scenario schema (form-fields.ts) and
 * shown by src-renderer/components/PropertiesForm.vue.
 */
import type { JsonPath } from './json-path';

/** How a field is edited. 'table': a list of objects, one row per item (a zone's records). */
export type FormInput = 'text' | 'number' | 'boolean' | 'enum' | 'table';
/** A table cell is never a table itself (form-fields.ts lifts nested lists out as fields of their own). */
export type CellInput = Exclude<FormInput, 'table'>;

/** What a field and a table column have in common: how its value is shown and edited. */
export interface InputSpec {
  readonly label: string;
  /** One sentence; the panel links it to the input (aria-describedby). Empty when there is none. */
  readonly help: string;
  /** Shown beside the input: "ms", "Mbit/s". */
  readonly unit?: string;
  readonly input: FormInput;
  /** The choices of an 'enum'. */
  readonly options?: readonly string[];
  /** What people read for an option ("dns-server" → "Authoritative DNS server"); the option itself otherwise. */
  readonly optionLabels?: Readonly<Record<string, string>>;
  /** Bounds of a 'number', inclusive as the input shows them (the loader reports an excluded edge). */
  readonly min?: number;
  readonly max?: number;
  /** A 'number' that must be whole. */
  readonly integer?: boolean;
  /** A 'number' that may also be one of these words (targetPort: a port or "random"). */
  readonly words?: readonly string[];
  /** The value is a list of items of `input`, edited one per line (root servers, TXT strings). */
  readonly list?: boolean;
  /** Values a 'text' field refers to (the scenario's node or link ids), offered while typing. */
  readonly suggestions?: readonly string[];
  /** Shown in an empty input: what an absent field stands for when no constant default exists (a link's id "a-b"). */
  readonly placeholder?: string;
  /** A fixed value (a DNS server's port 53): shown, not editable. */
  readonly readOnly?: boolean;
  /** The field may be absent from the file (it then has its default, if any). */
  readonly optional: boolean;
}

/** One column of a 'table' field: the property `key` of each row. */
export interface FormColumn extends InputSpec {
  readonly key: string;
  readonly input: CellInput;
  /** What a new row's cell starts as: the default; else absent (undefined) when optional; else the schema's example (a TTL's 3600 s); else an empty value the loader will ask to fill. */
  readonly initial: unknown;
  /** Only rows whose `key` is one of `values` have this cell (a record's address: A and AAAA only). */
  readonly onlyWhen?: { readonly key: string; readonly values: readonly string[] };
}

export interface FormField extends InputSpec {
  /** Absolute JSON path in the scenario document: ["links", 0, "delayMs"]. */
  readonly path: JsonPath;
  /** The current value, or the default when the field is absent. */
  readonly value: unknown;
  /** For a 'table': its columns, in the order the rows show them. */
  readonly columns?: readonly FormColumn[];
  /** For a 'table': row properties that are lists of objects, each shown as a table field of its own; a new row starts them empty. */
  readonly nestedKeys?: readonly string[];
  /**
   * A 'boolean' standing for an optional object (a web server's cookie):
   * its value says whether the object is there; on adds it empty (the
   * loader fills its defaults), off removes it. Its own fields follow it
   * while it is there.
   */
  readonly presence?: true;
}

/** The object whose properties the panel shows. */
export type FormTarget =
  | { kind: 'node'; index: number }
  | { kind: 'link'; index: number }
  | { kind: 'service'; node: number; index: number }
  | { kind: 'action'; index: number }
  | { kind: 'run' }
  | { kind: 'view' };
