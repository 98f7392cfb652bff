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
  let labels = labelsByLanguage.get(lang);
  if (!labels) {
    labels = resolveLabels(lang, siteLabels);
    // Shared by every page in the language: frozen, so no page can change another's words.
    Object.freeze(labels.labels);
    labelsByLanguage.set(lang, labels);
  }
  return labels;
}

/**
 * Each language's labels, resolved once: a page asks for them in each of its components (500
 * essays: some 0.2 s of a build's rendering resolving the same words again).
 */
const labelsByLanguage = new Map<string, LanguageLabels>();
