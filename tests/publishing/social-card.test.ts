import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import {
  CARD_LAYOUT,
  MAX_CARD_TITLE_LENGTH,
  SOCIAL_CARD_HEIGHT,
  SOCIAL_CARD_WIDTH,
  TITLE_SIZES,
  cardColours,
  cardElement,
  cardFits,
  estimateLines,
  smallerTitleSizes,
  socialCard,
  titleFontSize,
  type LayoutBox,
} from '../../src/publishing/social-card.ts';
import { parseSchemeTokens } from '../../src/offline/web-manifest.ts';
import { ROOT } from '../support/build-site.ts';
import { contrast } from '../../scripts/lib/contrast.ts';

const text = { title: 'On Time', siteTitle: 'Essays', lang: 'en' };
/** 200 characters of a plausible title. */
const LONG_TITLE =
  'Why the clocks of every railway station in the country disagree, and what the timetables, the telegraph and the slow arrival of standard time did to the way people wait for each other, 1840–1880'
    .padEnd(200, '.')
    .slice(0, 200);

test('an essay’s card is cards/<slug>.png, 1200 by 630, and its text alternative says what it shows', () => {
  expect(LONG_TITLE).toHaveLength(200);
  expect(socialCard('on-time', text)).toEqual({ path: 'cards/on-time.png', width: 1200, height: 630, alt: 'On Time · Essays' });
  // Drawn as composed text on one line: the alternative is too.
  expect(socialCard('on-time', { ...text, title: 'Cafe\u0301\n  au lait' })?.alt).toBe('Café au lait · Essays');
});

test('a title in any script has a card; only one too long to read on a card has none', () => {
  for (const title of [
    'Über die Zeit',
    'Łódź, Győr, Brașov',
    'מסה לדוגמה',
    'Περί χρόνου',
    'عن الساعات',
    '時計と時間',
    'On Time 🕰️',
    LONG_TITLE,
  ]) {
    expect(socialCard('a', { ...text, title }), title).toBeDefined();
  }
  expect(socialCard('a', { ...text, title: 'x'.repeat(MAX_CARD_TITLE_LENGTH) })).toBeDefined();
  expect(socialCard('a', { ...text, title: 'x'.repeat(MAX_CARD_TITLE_LENGTH + 1) })).toBeUndefined();
  expect(socialCard('a', { ...text, title: ' ' })).toBeUndefined();
});

test('a CJK character is estimated a full em wide, so a Japanese title is not drawn too large', () => {
  expect(estimateLines('時'.repeat(13), 80, 1040)).toBe(1);
  expect(estimateLines('時'.repeat(14), 80, 1040)).toBe(2);
});

test('a short title gets the largest size, and a longer one never a larger size than a shorter one', () => {
  expect(titleFontSize(text)).toBe(TITLE_SIZES[0]);
  let previous = Infinity;
  for (let length = 10; length <= MAX_CARD_TITLE_LENGTH; length += 10) {
    const size = titleFontSize({ ...text, title: LONG_TITLE.repeat(2).slice(0, length) });
    expect(size, `${length} characters`).toBeLessThanOrEqual(previous);
    previous = size;
  }
  // Estimated to fit: its lines at that size, above the site title.
  const size = titleFontSize({ ...text, title: LONG_TITLE });
  expect(size).toBeLessThan(TITLE_SIZES[0]);
  const titleHeight = estimateLines(LONG_TITLE, size, 1040) * size * CARD_LAYOUT.titleLineHeight;
  expect(titleHeight).toBeLessThanOrEqual(630 - 16 - 2 * 64 - 40 - 66);
  expect(smallerTitleSizes(size).every((smaller) => smaller < size)).toBe(true);
});

test('lines are estimated as words wrap, and a word longer than a line is broken', () => {
  expect(estimateLines('On Time', 80, 1040)).toBe(1);
  expect(estimateLines('word '.repeat(40), 50, 1040)).toBeGreaterThan(1);
  expect(estimateLines('a'.repeat(100), 50, 1040)).toBe(Math.ceil((100 * 0.58 * 50) / 1040));
});

test('the card’s text meets WCAG AA contrast on its background, in the site’s own colours', () => {
  const colours = cardColours(parseSchemeTokens(readFileSync(join(ROOT, 'src/site/styles/tokens.css'), 'utf8')));
  expect(contrast(colours.title, colours.background)).toBeGreaterThanOrEqual(4.5);
  expect(contrast(colours.siteTitle, colours.background)).toBeGreaterThanOrEqual(4.5);
  expect(() => cardColours({ light: {}, dark: {} })).toThrow(/tokens\.css has no --color-bg/);
});

test('the element tree carries the title, its size and language, the site title, its fonts and its direction', () => {
  const colours = { background: '#ffffff', title: '#000000', siteTitle: '#333333', accent: '#0000ff', rule: '#cccccc' };
  const element = cardElement(text, colours, 64, ['Source Serif 4 latin', 'Noto Serif JP 12']);
  expect(element.props.style).toMatchObject({
    width: SOCIAL_CARD_WIDTH,
    height: SOCIAL_CARD_HEIGHT,
    backgroundColor: '#ffffff',
    fontFamily: 'Source Serif 4 latin, Noto Serif JP 12',
    direction: 'ltr',
  });
  // An Arabic or Hebrew card starts at the right, as its essay's page does.
  expect(cardElement({ ...text, lang: 'ar' }, colours, 64, []).props.style).toMatchObject({ direction: 'rtl' });
  expect(cardElement({ ...text, lang: 'he' }, colours, 64, []).props.style).toMatchObject({ direction: 'rtl' });
  const [title, site] = Array.isArray(element.props.children) ? element.props.children : [];
  expect(title).toMatchObject({ key: 'title', props: { lang: 'en', children: 'On Time', style: { fontSize: 64, color: '#000000' } } });
  expect(site).toMatchObject({ key: 'site-title', props: { children: 'Essays', style: { color: '#333333' } } });
});

test('a card fits when both texts are inside the margins and the title stays clear of the site title', () => {
  const box = (top: number, height: number): LayoutBox => ({ left: 80, top, width: 1040, height });
  expect(cardFits({ title: box(80, 300), 'site-title': box(500, 66) })).toBe(true);
  // The title runs into the site title, or pushes it off the card.
  expect(cardFits({ title: box(80, 400), 'site-title': box(500, 66) })).toBe(false);
  expect(cardFits({ title: box(80, 300), 'site-title': box(540, 66) })).toBe(false);
  // Wider than the card's text.
  expect(cardFits({ title: { ...box(80, 300), width: 1100 }, 'site-title': box(500, 66) })).toBe(false);
});
