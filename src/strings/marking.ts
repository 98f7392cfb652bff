import { primaryLanguage } from './labels.ts';
import { textDirection } from './lang.ts';

/** The `lang` and `dir` that mark words in another language than the element around them. */
export interface LanguageMark {
  lang: string;
  dir: 'ltr' | 'rtl';
}

/**
 * How words in `textLang` must be marked inside an element in `contextLang`: with their own
 * `lang` (WCAG 3.1.2, so a screen reader speaks them in their own voice) and `dir` (so the
 * bidirectional algorithm cannot reorder "1 min read" into "min read 1" on a right-to-left
 * page); undefined when they are in the element's language.
 *
 * @example languageMark('en', 'ar') // { lang: 'en', dir: 'ltr' }
 */
export function languageMark(textLang: string, contextLang: string): LanguageMark | undefined {
  if (primaryLanguage(textLang) === primaryLanguage(contextLang)) return undefined;
  return { lang: textLang, dir: textDirection(textLang) };
}

/**
 * A label's words split around the value it is given, for a label whose value is in another
 * language than its words ("By" and the author's names): `[before, after]`, or undefined when
 * the label does not hold the value once.
 *
 * @example aroundValue((names) => `By ${names}`) // ['By ', '']
 */
export function aroundValue(label: (value: string) => string): [string, string] | undefined {
  const token = '\u{E000}';
  const parts = label(token).split(token);
  return parts.length === 2 ? [parts[0] ?? '', parts[1] ?? ''] : undefined;
}
