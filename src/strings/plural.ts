/**
 * A word's form for a count, by the language's own plural rules (Intl.PluralRules, CLDR):
 * French puts 0 with 1 ("0 section"), English does not ("0 sections"), and other languages
 * have more forms than two. A label gives the forms its language uses; `other` is the rest.
 */

/** The forms of a word or phrase by plural category; `other` is required, the rest fall back to it. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

// Building a PluralRules loads locale data: one per language, made once.
const RULES = new Map<string, Intl.PluralRules>();

/** The form of `forms` that count `n` takes in language `lang` (a BCP 47 tag). */
export function plural(lang: string, n: number, forms: PluralForms): string {
  let rules = RULES.get(lang);
  if (!rules) {
    rules = new Intl.PluralRules(lang);
    RULES.set(lang, rules);
  }
  return forms[rules.select(n)] ?? forms.other;
}
