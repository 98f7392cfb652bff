/** The DPUB-ARIA roles the notes use. Astro's attribute types list only core ARIA roles. */
export type DpubRole = 'doc-noteref' | 'doc-backlink' | 'doc-endnotes';

/** `{ role }` for spreading onto an element, typed so a misspelt role fails the type check. */
export function dpubRole(role: DpubRole): Record<string, string> {
  return { role };
}
