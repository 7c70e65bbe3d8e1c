/**
 * Defaults that depend on other fields, which the schema cannot express.
 * Applied after the shape is valid; the cross-reference checks see the same ids.
 */
import type { ParsedScenario, Scenario } from './schema';

/** The id of a link that has none: "<a>-<b>", e.g. "client-r1". */
export function defaultLinkId(link: { readonly a: string; readonly b: string }): string {
  return `${link.a}-${link.b}`;
}

/** The id a link is known by: its own, else the default. */
export function linkIdOf(link: { readonly id?: string | undefined; readonly a: string; readonly b: string }): string {
  return link.id ?? defaultLinkId(link);
}

/** Fills in every link's id. */
export function resolveScenario(parsed: ParsedScenario): Scenario {
  return { ...parsed, links: parsed.links.map((link) => ({ ...link, id: linkIdOf(link) })) };
}
