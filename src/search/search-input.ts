/** How a query reaches the search page: in its address (`?q=`), or by the `/` key, which leads to its field. */

/** The query in a search page address (`?q=drones`), trimmed; empty when there is none. */
export function queryFromSearch(search: string): string {
  return new URLSearchParams(search).get('q')?.trim() ?? '';
}

/** The key that takes the reader to the search field (`aria-keyshortcuts`). */
export const SEARCH_SHORTCUT = '/';

/** The parts of a `keydown` event that decide whether it is the search shortcut. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
  isComposing?: boolean;
  defaultPrevented?: boolean;
}

/**
 * Whether a key press is the search shortcut: `/` alone, never while the reader is writing
 * in a field (`typing`), and never with Ctrl, Alt or Meta, which belong to the browser, the
 * system and assistive technology. Shift is allowed: on German or French keyboards it is how
 * `/` is typed.
 */
export function isSearchShortcut(press: KeyPress, typing: boolean): boolean {
  return (
    press.key === SEARCH_SHORTCUT &&
    !typing &&
    !press.ctrlKey &&
    !press.altKey &&
    !press.metaKey &&
    press.isComposing !== true &&
    press.defaultPrevented !== true
  );
}
