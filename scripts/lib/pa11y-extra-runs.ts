/** A URL of a pa11y-ci run: a page, or a page with options (such as `actions`). */
export type UrlEntry = string | { url: string; [option: string]: unknown };

/**
 * What the extra runs of `.pa11yci.json` write for a word the site's search finds, so that
 * they are written for any site, not for the words of one essay.
 */
const WORD_PLACEHOLDER = '{word}';

/**
 * The extra runs of `.pa11yci.json`, written relative to the site, made absolute against
 * `siteUrl`, with {@link WORD_PLACEHOLDER} filled in with `word` (in the URL, encoded).
 * A run that needs a word is left out when there is none (a site without essays has
 * nothing to find).
 *
 * @example extraRuns(['search/?q={word}'], 'http://127.0.0.1:8080/', 'tides') // ['http://127.0.0.1:8080/search/?q=tides']
 */
export function extraRuns(entries: readonly UrlEntry[], siteUrl: string, word: string | undefined): UrlEntry[] {
  const needsWord = (text: string) => text.includes(WORD_PLACEHOLDER);
  const fill = (text: string, value: string) => text.replaceAll(WORD_PLACEHOLDER, value);
  const address = (url: string) => new URL(word === undefined ? url : fill(url, encodeURIComponent(word)), siteUrl).href;
  return entries.flatMap((entry): UrlEntry[] => {
    if (word === undefined && needsWord(JSON.stringify(entry))) return [];
    if (typeof entry === 'string') return [address(entry)];
    const { url, actions, ...options } = entry;
    const filled =
      Array.isArray(actions) && word !== undefined
        ? actions.map((action: unknown) => (typeof action === 'string' ? fill(action, word) : action))
        : actions;
    return [{ ...options, url: address(url), ...(actions === undefined ? {} : { actions: filled }) }];
  });
}
