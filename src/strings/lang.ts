// Scripts written right to left, by the primary language subtag that usually implies them.
const RIGHT_TO_LEFT = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'iw', 'ks', 'ku', 'ps', 'sd', 'syr', 'ug', 'ur', 'yi']);

/** The `dir` of a page in language `lang` (`ar` → `rtl`; `az-Arab` → `rtl`). */
export function textDirection(lang: string): 'ltr' | 'rtl' {
  const [primary = '', ...rest] = lang.toLowerCase().split('-');
  if (rest.some((subtag) => ['arab', 'hebr', 'thaa', 'syrc', 'nkoo', 'adlm', 'rohg'].includes(subtag))) return 'rtl';
  return RIGHT_TO_LEFT.has(primary) ? 'rtl' : 'ltr';
}
