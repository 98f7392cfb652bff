import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import {
  cardFontFamilies,
  cardFontFile,
  cardFontName,
  chooseCardFonts,
  describeCharacter,
  parseUnicodeRange,
  type CardFontFamily,
  type SubsetRanges,
} from '../../src/publishing/card-fonts.ts';
import { CARD_FONT_WEIGHTS } from '../../src/publishing/social-card.ts';
import { ROOT } from '../support/build-site.ts';

const packageDir = (family: CardFontFamily) => join(ROOT, 'node_modules', family.package);
/** The ranges as each package lists them, and the families whose list was asked for. */
function packageRanges() {
  const asked: string[] = [];
  const rangesOf = (family: CardFontFamily): SubsetRanges => {
    asked.push(family.id);
    return JSON.parse(readFileSync(join(packageDir(family), 'unicode.json'), 'utf8')) as SubsetRanges;
  };
  return { asked, rangesOf };
}
const choose = (text: string, lang: string) => {
  const { asked, rangesOf } = packageRanges();
  const choice = chooseCardFonts(text, cardFontFamilies(lang), rangesOf);
  return { ...choice, names: choice.subsets.map(cardFontName), asked };
};

test('a Latin title is drawn in Source Serif 4 alone, and no other family’s list is read, nor its files', () => {
  const { names, missing, asked } = choose('Łódź, Győr, Brașov — «à l’heure» · The Reading Room', 'en');
  expect(names).toEqual(['Source Serif 4 latin-ext', 'Source Serif 4 latin']);
  expect(missing).toEqual([]);
  expect(asked).toEqual(['source-serif-4']);
});

test('Greek, Cyrillic and Vietnamese are Source Serif 4’s too; polytonic Greek comes from Noto Serif', () => {
  expect(choose('Για τον χρόνο', 'el').names).toEqual(['Source Serif 4 greek']);
  expect(choose('О времени', 'ru').names).toEqual(['Source Serif 4 cyrillic']);
  expect(choose('Về thời gian', 'vi').names).toEqual(['Source Serif 4 vietnamese', 'Source Serif 4 latin']);
  expect(choose('Περὶ χρόνου', 'grc').names).toEqual(['Source Serif 4 greek', 'Noto Serif greek-ext']);
});

test('an Arabic, Hebrew or Devanagari title takes its script’s Noto family, and never the CJK ones', () => {
  const arabic = choose('عن الساعات والزمن، 2025', 'ar');
  expect(arabic.names).toEqual(['Source Serif 4 latin', 'Noto Sans Arabic arabic']);
  expect(arabic.asked).toEqual(['source-serif-4', 'noto-serif', 'noto-sans-arabic']);
  expect(choose('על השעונים והזמן', 'he').names).toEqual(['Noto Serif Hebrew hebrew']);
  expect(choose('समय और घड़ियाँ', 'hi').names).toEqual(['Noto Serif Devanagari devanagari']);
});

test('an emoji is drawn in Noto Emoji, its presentation selector with it', () => {
  const chosen = choose('On Time 🕰️', 'en');
  expect(chosen.missing).toEqual([]);
  expect([...new Set(chosen.subsets.map((subset) => subset.family.id))]).toEqual(['source-serif-4', 'noto-emoji']);
});

test('CJK titles take their numbered subsets, and shared Han characters are drawn as the essay’s language writes them', () => {
  const japanese = choose('時計と時間について', 'ja');
  expect(japanese.missing).toEqual([]);
  expect(japanese.subsets.every((subset) => subset.family.id === 'noto-serif-jp' && /^\d+$/.test(subset.subset))).toBe(true);
  expect(choose('시계와 시간', 'ko').subsets.map((subset) => subset.family.id)).toContain('noto-serif-kr');
  const han = (lang: string) => [...new Set(choose('時間', lang).subsets.map((subset) => subset.family.id))];
  expect(han('ja')).toEqual(['noto-serif-jp']);
  expect(han('ko')).toEqual(['noto-serif-kr']);
  expect(han('zh-Hant')).toEqual(['noto-serif-tc']);
  expect(han('zh-TW')).toEqual(['noto-serif-tc']);
  expect(han('zh')).toEqual(['noto-serif-sc']);
  expect(choose('时间', 'zh-CN').subsets.map((subset) => subset.family.id)).toEqual(['noto-serif-sc']);
});

test('a character no family covers is missing, named with its code point; spaces and joiners need no glyph', () => {
  expect(choose('On Time \uE000 เวล', 'en').missing).toEqual(['\uE000', 'เ', 'ว', 'ล']);
  expect(choose('a\u200Db\u00A0c\n', 'en').missing).toEqual([]);
  expect(describeCharacter('\uE000')).toBe('"\uE000" (U+E000)');
  expect(describeCharacter('ก')).toBe('"ก" (U+0E01)');
});

test('every family’s ranges are its CSS unicode-range, and every file a card may load is in its package, as .woff', () => {
  const { rangesOf } = packageRanges();
  for (const family of cardFontFamilies('en')) {
    for (const weight of Object.values(CARD_FONT_WEIGHTS)) {
      const css = readFileSync(join(packageDir(family), `${weight}.css`), 'utf8');
      for (const [name, range] of Object.entries(rangesOf(family))) {
        if (family.subsets && !family.subsets.includes(name)) continue;
        const subset = name.replace(/^\[(\d+)\]$/, '$1');
        const file = cardFontFile({ family, subset }, weight);
        // One @font-face a subset, each after a comment that names it (`noto-serif-jp-[12]-600-normal`).
        const face = css.split(`/* ${family.id}-${name}-${weight}-normal */`)[1] ?? '';
        expect(/unicode-range:\s*([^;]+);/.exec(face)?.[1], `${family.id} ${name} ${weight}`).toBe(range);
        expect(existsSync(join(packageDir(family), 'files', file)), file).toBe(true);
      }
    }
  }
  expect(parseUnicodeRange('U+0000-00FF, U+0131')).toEqual([
    [0, 255],
    [305, 305],
  ]);
});
