/**
 * Text in the SVG export: escaping (XML 1.0 §2.4: `<` and `&` never appear
 * raw; `"` is escaped too, as attribute values are quoted with it), short
 * numbers, and estimated widths — the document is laid out before any font
 * is chosen, so widths are CHAR_PX a character of the 11 px font, scaled.
 */

/** Rough width of a character of the 11 px font (px). */
export const CHAR_PX = 6.4;

/** Estimated width of `text` at `fontSize` px. */
export function svgTextWidth(text: string, fontSize: number): number {
  return text.length * ((CHAR_PX * fontSize) / 11);
}

/** `text` cut to about `px` pixels of a `fontSize` font, ending in "…" when cut (the full text is in the arrow's <title>). */
export function elide(text: string, px: number, fontSize: number): string {
  const max = Math.max(4, Math.floor(px / ((CHAR_PX * fontSize) / 11)));
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** Text safe in XML content and in double-quoted attributes. */
export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ENTITIES[c]!).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '\ufffd');
}

const ENTITIES: Readonly<Record<string, string>> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' };

/** Numbers as short, locale-free text (two decimals at most). */
export function num(n: number): string {
  const r = Math.round(n * 100) / 100;
  return Object.is(r, -0) ? '0' : String(r);
}
