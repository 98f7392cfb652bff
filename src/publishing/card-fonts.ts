/**
 * Which font files a social card needs: for each character of its title and site title, the
 * first family (in the order below) with a subset whose `unicode-range` covers it. Pure and
 * tested (tests/publishing/card-fonts.test.ts); src/publishing/write-social-cards.ts reads the
 * ranges from each package's `unicode.json`, only for the families a title reaches, and the
 * chosen files only. The packages are resolved by name at build time, which knip cannot see:
 * knip.json lists them.
 */

/** A font family of the cards, from its `@fontsource` package. */
export interface CardFontFamily {
  /** The npm package: `@fontsource/noto-serif-jp`. */
  package: string;
  /** The family's name, and the start of its files' names (`noto-serif-jp-12-600-normal.woff`). */
  family: string;
  id: string;
  /**
   * The subsets used, by their names in `unicode.json`; undefined for all. A family added for
   * its script leaves Latin to Source Serif 4, before it.
   */
  subsets?: readonly string[];
}

const family = (id: string, name: string, subsets?: readonly string[]): CardFontFamily => ({
  package: `@fontsource/${id}`,
  family: name,
  id,
  ...(subsets ? { subsets } : {}),
});

/** Source Serif 4, the site's own type: Latin, Greek, Cyrillic and Vietnamese. */
const SOURCE_SERIF = family('source-serif-4', 'Source Serif 4');
/** Noto Serif, for what Source Serif 4 lacks in the same scripts: polytonic Greek, more symbols. */
const NOTO_SERIF = family('noto-serif', 'Noto Serif');
/**
 * Noto Sans Arabic, not Noto Naskh Arabic: satori 0.63 places Naskh's dots (its mark glyphs)
 * far above their letters, and draws Noto Sans Arabic's where they belong.
 */
const ARABIC = family('noto-sans-arabic', 'Noto Sans Arabic', ['arabic']);
const HEBREW = family('noto-serif-hebrew', 'Noto Serif Hebrew', ['hebrew']);
const DEVANAGARI = family('noto-serif-devanagari', 'Noto Serif Devanagari', ['devanagari']);
/** The CJK families share the Han characters, drawn as each region writes them. */
const JAPANESE = family('noto-serif-jp', 'Noto Serif JP');
const KOREAN = family('noto-serif-kr', 'Noto Serif KR');
const SIMPLIFIED = family('noto-serif-sc', 'Noto Serif SC');
const TRADITIONAL = family('noto-serif-tc', 'Noto Serif TC');
/** Noto Emoji, in outline: a card is drawn in the title's ink colour, as its words are. */
const EMOJI = family('noto-emoji', 'Noto Emoji');

/** The CJK families in the order an essay in `lang` prefers them: its own region's Han first. */
function cjkFamilies(lang: string): CardFontFamily[] {
  const [primary = '', ...rest] = lang.toLowerCase().split('-');
  const traditional = primary === 'yue' || rest.some((subtag) => ['hant', 'tw', 'hk', 'mo'].includes(subtag));
  const first =
    primary === 'ja' ? JAPANESE : primary === 'ko' ? KOREAN : traditional ? TRADITIONAL : primary === 'zh' ? SIMPLIFIED : undefined;
  const order = [SIMPLIFIED, TRADITIONAL, JAPANESE, KOREAN];
  return first ? [first, ...order.filter((candidate) => candidate !== first)] : order;
}

/** Every family a card may draw with, in the order they are tried for a card in `lang`. */
export function cardFontFamilies(lang: string): CardFontFamily[] {
  return [SOURCE_SERIF, NOTO_SERIF, ARABIC, HEBREW, DEVANAGARI, ...cjkFamilies(lang), EMOJI];
}

/** One font file of a family: a subset (`latin`, or `12` for `[12]` of a CJK family). */
export interface CardFontSubset {
  family: CardFontFamily;
  subset: string;
}

/** The family name satori knows a subset by: one name per font file. */
export function cardFontName({ family, subset }: CardFontSubset): string {
  return `${family.family} ${subset}`;
}

/** The file of a subset at a weight, inside its package's `files/`. Satori reads `.woff`. */
export function cardFontFile({ family, subset }: CardFontSubset, weight: number): string {
  return `${family.id}-${subset}-${weight}-normal.woff`;
}

/**
 * Parses a CSS `unicode-range` value into code-point ranges.
 *
 * @example parseUnicodeRange('U+0000-00FF,U+0131') // [[0, 255], [305, 305]]
 */
export function parseUnicodeRange(value: string): Array<[number, number]> {
  return value
    .split(',')
    .map((part) => /^\s*U\+([0-9a-f]+)(?:-([0-9a-f]+))?\s*$/i.exec(part))
    .filter((match) => match !== null)
    .map(([, from = '', to]) => [parseInt(from, 16), parseInt(to ?? from, 16)]);
}

/** Each range parsed once a build: a CJK family's hundred subsets are asked about for every CJK title. */
const parsed = new Map<string, Array<[number, number]>>();
function parsedRange(value: string): Array<[number, number]> {
  let ranges = parsed.get(value);
  if (!ranges) {
    ranges = parseUnicodeRange(value);
    parsed.set(value, ranges);
  }
  return ranges;
}

/** A family's subsets and their `unicode-range`s, as its package's `unicode.json` lists them. */
export type SubsetRanges = Readonly<Record<string, string>>;

/** The fonts a text needs, and the characters none has. */
export interface CardFontChoice {
  /** In the order of the families, then of the subsets in `unicode.json`. */
  subsets: CardFontSubset[];
  /** Characters no family covers, each once, in the order of the text. */
  missing: string[];
}

/**
 * Characters that need no glyph of their own: spaces, joiners, marks of direction and variation
 * selectors (the emoji presentation's U+FE0F). They are drawn (or not) by the font of the
 * letters around them.
 */
const NO_GLYPH = /^(?:\s|[\u200B-\u200F\u2060\uFEFF]|\p{Variation_Selector})$/u;

/**
 * Chooses the font files that draw `text`: each character goes to the first family whose
 * subset covers it. `rangesOf` is asked for a family's ranges only while some character is
 * still uncovered, so a Latin title never reads the CJK families' lists, nor loads their files.
 */
export function chooseCardFonts(
  text: string,
  families: readonly CardFontFamily[],
  rangesOf: (family: CardFontFamily) => SubsetRanges,
): CardFontChoice {
  let remaining = [...new Set(text.normalize('NFC'))].filter((char) => !NO_GLYPH.test(char));
  const subsets: CardFontSubset[] = [];
  for (const candidate of families) {
    if (remaining.length === 0) break;
    for (const [name, range] of Object.entries(rangesOf(candidate))) {
      if (candidate.subsets && !candidate.subsets.includes(name)) continue;
      const ranges = parsedRange(range);
      const covered = (char: string) => {
        const code = char.codePointAt(0) ?? 0;
        return ranges.some(([from, to]) => code >= from && code <= to);
      };
      if (!remaining.some(covered)) continue;
      subsets.push({ family: candidate, subset: name.replace(/^\[(\d+)\]$/, '$1') });
      remaining = remaining.filter((char) => !covered(char));
    }
  }
  return { subsets, missing: remaining };
}

/** A character and its code point, as an error names it: `"" (U+E000)`. */
export function describeCharacter(char: string): string {
  const code = (char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
  return `"${char}" (U+${code})`;
}
