import config from 'virtual:essay-press/config';
import siteLabels from 'virtual:essay-press/strings';
import { resolveLabels, type LanguageLabels } from '../strings/labels.ts';

/**
 * The site's options in pages and components: the one place they read them from. Set by
 * `essayPress()` (src/config/virtual-modules.ts), checked before the build starts.
 */
export { config };

/**
 * The interface's words in a language, with the site's own (the `strings` option) in place,
 * and which of them the language lacks: shown in English, to be marked with their `lang`
 * (src/strings/InLanguage.astro, src/strings/marking.ts).
 */
export function labelsIn(lang: string): LanguageLabels {
  return resolveLabels(lang, siteLabels);
}
