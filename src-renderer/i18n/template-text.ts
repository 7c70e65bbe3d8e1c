/**
 * Finds UI text written into a .vue template instead of the catalogue, for
 * template-text.test.ts: text nodes with letters, text attributes
 * (aria-label, title, placeholder, alt, label, and props named like them)
 * with letters, and string literals with letters in the expressions of
 * bound text attributes and of {{ }} — not counting the keys of t() calls
 * nor the values a comparison tests (`kind === 'error'`).
 */
import { parse } from 'vue/compiler-sfc';

export interface TemplateText {
  /** 1-based line in the .vue file. */
  readonly line: number;
  readonly text: string;
}

/** Attribute names whose values people read. */
const TEXT_ATTRIBUTE = /^(aria-label|aria-description|aria-roledescription|aria-valuetext|alt|placeholder|title|label|.*-(label|title|text|hint|heading|caption|message))$/i;
const LETTER = /\p{L}/u;
/** A t('key') or $t('key') call's key argument: not text. */
const T_KEY = /(?<![\w$.])\$?t\(\s*(['"`])[^'"`]*\1/g;
/** A string literal compared with `===` or `!==`: a value, not text. */
const COMPARED = /(?:[!=]==?\s*('[^']*'|"[^"]*"))|(?:('[^']*'|"[^"]*")\s*[!=]==?)/g;
const STRING_LITERAL = /'([^'\\]|\\.)*'|"([^"\\]|\\.)*"|`([^`\\]|\\.)*`/g;

interface AstNode {
  readonly type: number;
  readonly content?: unknown;
  readonly loc: { readonly start: { readonly line: number } };
  readonly props?: readonly AstProp[];
  readonly children?: readonly AstNode[];
}

interface AstProp {
  readonly type: number;
  readonly name: string;
  readonly value?: { readonly content: string };
  readonly arg?: { readonly content?: string };
  readonly exp?: { readonly content?: string };
  readonly loc: { readonly start: { readonly line: number } };
}

// @vue/compiler-core's NodeTypes, as far as a parsed template has them.
const ELEMENT = 1;
const TEXT = 2;
const INTERPOLATION = 5;
const ATTRIBUTE = 6;
const DIRECTIVE = 7;

/** The string literals with letters in an expression, t() keys left out. */
function literalTexts(expression: string): string[] {
  const withoutKeys = expression.replace(T_KEY, 't()').replace(COMPARED, ' === x');
  return [...withoutKeys.matchAll(STRING_LITERAL)].map((m) => m[0]).filter((literal) => LETTER.test(literal.replace(/\$\{[^}]*\}/g, '')));
}

export function templateTexts(sfc: string): TemplateText[] {
  const ast = parse(sfc).descriptor.template?.ast as AstNode | undefined;
  const found: TemplateText[] = [];
  const visit = (node: AstNode): void => {
    if (node.type === TEXT && typeof node.content === 'string' && LETTER.test(node.content)) {
      found.push({ line: node.loc.start.line, text: node.content.trim() });
    }
    if (node.type === INTERPOLATION) {
      const expression = (node.content as { content?: string } | undefined)?.content ?? '';
      for (const text of literalTexts(expression)) found.push({ line: node.loc.start.line, text });
    }
    if (node.type === ELEMENT) {
      for (const prop of node.props ?? []) {
        if (prop.type === ATTRIBUTE && TEXT_ATTRIBUTE.test(prop.name) && LETTER.test(prop.value?.content ?? '')) {
          found.push({ line: prop.loc.start.line, text: `${prop.name}="${prop.value?.content ?? ''}"` });
        }
        if (prop.type === DIRECTIVE && prop.name === 'bind' && TEXT_ATTRIBUTE.test(prop.arg?.content ?? '')) {
          for (const text of literalTexts(prop.exp?.content ?? '')) found.push({ line: prop.loc.start.line, text: `:${prop.arg?.content ?? ''}: ${text}` });
        }
      }
    }
    for (const child of node.children ?? []) visit(child);
  };
  if (ast) visit(ast);
  return found;
}
