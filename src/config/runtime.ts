import config from 'virtual:essay-press/config';
import { labelsFor, type Labels } from '../strings/labels.ts';

/**
 * The site's options in pages and components: the one place they read them from. Set by
 * `essayPress()` (src/config/virtual-modules.ts), checked before the build starts.
 */
export { config };

/** The interface's words in a language, with the site's own (the `strings` option) in place. */
export function t(lang: string): Labels {
  return labelsFor(lang, config.strings);
}
