/**
 * The reader's colour scheme: light, dark, or the system's (the default). The choice is
 * made with three radio buttons in the site's footer (src/site/components/ColourScheme.astro),
 * which switch the page's colours by CSS alone (`:has()` in src/site/styles/tokens.css); the
 * script src/site/browser/colour-scheme.ts remembers it in localStorage and restores it on the
 * next page before anything is drawn. Pure: the script's logic, tested without a browser.
 */

export const SCHEME_CHOICES = ['light', 'dark', 'system'] as const;

export type SchemeChoice = (typeof SCHEME_CHOICES)[number];

/** The radio buttons' `name`, and the localStorage key the choice is kept under. */
export const SCHEME_NAME = 'colour-scheme';

/** A stored or submitted value as a choice: anything but `light` or `dark` is the system's. */
export function parseSchemeChoice(value: unknown): SchemeChoice {
  return value === 'light' || value === 'dark' ? value : 'system';
}

/** Where the choice is kept: `localStorage`, passed as a function because reading it can throw. */
type StorageAccess = () => Pick<Storage, 'getItem' | 'setItem'>;

/**
 * The remembered choice, or `system` when there is none or it cannot be read: storage
 * turned off or denied (an opaque origin, some private modes) throws, even on reading
 * `localStorage` itself.
 */
export function readSchemeChoice(storage: StorageAccess): SchemeChoice {
  try {
    return parseSchemeChoice(storage().getItem(SCHEME_NAME));
  } catch {
    return 'system';
  }
}

/** Remembers a choice; where storage is unavailable or full, nothing is kept. */
export function storeSchemeChoice(storage: StorageAccess, choice: SchemeChoice): void {
  try {
    storage().setItem(SCHEME_NAME, choice);
  } catch {
    // The choice still applies to this page; the next one starts from the system's.
  }
}
