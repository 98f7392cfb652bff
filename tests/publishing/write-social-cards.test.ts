import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, expect, test } from 'vitest';
import {
  cardCacheKey,
  drawSocialCard,
  layOutCard,
  loadCardFonts,
  readCardColours,
  socialCardsSummary,
  writeSocialCards,
} from '../../src/publishing/write-social-cards.ts';
import { CARD_LAYOUT, cardElement, cardFits, titleFontSize, type CardText } from '../../src/publishing/social-card.ts';

const fonts = loadCardFonts();
const colours = readCardColours();
const text = (title: string): CardText => ({ title, siteTitle: 'The Reading Room', lang: 'en' });

/** Titles of 200 characters that are hard to fit: plain words, capitals, wide letters, one long word. */
const LONG_TITLES = {
  words:
    'Why the clocks of every railway station in the country disagree, and what the timetables, the telegraph and the slow arrival of standard time did to the way people wait for each other on cold platforms',
  capitals:
    'WHY THE CLOCKS OF EVERY RAILWAY STATION IN THE COUNTRY DISAGREE, AND WHAT THE TIMETABLES, THE TELEGRAPH AND THE SLOW ARRIVAL OF STANDARD TIME DID TO THE WAY PEOPLE WAIT FOR EACH OTHER ON COLD PLATFORMS',
  wide: 'Mmm www WWW MMM mmm WWW '.repeat(9),
  'one word': 'Donaudampfschifffahrtselektrizitätenhauptbetriebswerkbauunterbeamtengesellschaft'.repeat(3),
  accents:
    'Łódź, Győr, Brașov et Čačak : œuvres complètes d’une saison où les horloges des gares d’Europe centrale ne s’accordaient jamais, ni entre elles, ni avec le soleil, ni avec le télégraphe, ni avec l’été',
};

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});
function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'social-cards-'));
  dirs.push(dir);
  return dir;
}

/** The card's pixels, raw RGBA, and a function telling whether (x, y) is the background. */
async function pixels(png: Buffer) {
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const hex = (x: number, y: number) => {
    const at = (y * info.width + x) * info.channels;
    return `#${[...data.subarray(at, at + 3)].map((value) => value.toString(16).padStart(2, '0')).join('')}`;
  };
  return { info, isBackground: (x: number, y: number) => hex(x, y) === colours.background };
}

test('a card is a 1200 by 630 opaque PNG', async () => {
  const { png } = await drawSocialCard(text('On Time'), colours, fonts);
  const metadata = await sharp(png).metadata();
  expect([metadata.format, metadata.width, metadata.height]).toEqual(['png', 1200, 630]);
  expect((await sharp(png).stats()).isOpaque).toBe(true);
});

test.each(Object.entries(LONG_TITLES))(
  'a title of 200 characters (%s) fits at the size its length gives it, wrapped, never cut',
  async (_name, raw) => {
    const title = raw.slice(0, 200);
    expect(title).toHaveLength(200);
    // The estimate is right the first time: satori's own layout of the card at that size fits.
    const size = titleFontSize(text(title));
    const { boxes } = await layOutCard(cardElement(text(title), colours, size), fonts);
    expect(cardFits(boxes), JSON.stringify(boxes)).toBe(true);
    expect(boxes.title.height / (size * CARD_LAYOUT.titleLineHeight)).toBeGreaterThanOrEqual(3);
    // And in the drawn image no ink reaches the margins: nothing runs off the edge or below the site title.
    const { png, titleSize } = await drawSocialCard(text(title), colours, fonts);
    expect(titleSize).toBe(size);
    const { info, isBackground } = await pixels(png);
    const inkOutside: string[] = [];
    for (let y = CARD_LAYOUT.band; y < info.height; y += 1) {
      for (const x of [0, 40, CARD_LAYOUT.paddingInline - 8, info.width - CARD_LAYOUT.paddingInline + 8, info.width - 1]) {
        if (!isBackground(x, y)) inkOutside.push(`${x},${y}`);
      }
    }
    for (let x = 0; x < info.width; x += 2) {
      for (const y of [CARD_LAYOUT.band + 8, info.height - 24, info.height - 1]) if (!isBackground(x, y)) inkOutside.push(`${x},${y}`);
    }
    expect(inkOutside).toEqual([]);
  },
);

test('every card differs: another title, another site title', async () => {
  const [a, b, c] = await Promise.all([
    drawSocialCard(text('On Time'), colours, fonts),
    drawSocialCard(text('On Tides'), colours, fonts),
    drawSocialCard({ ...text('On Time'), siteTitle: 'Essays' }, colours, fonts),
  ]);
  expect(a.png.equals(b.png)).toBe(false);
  expect(a.png.equals(c.png)).toBe(false);
  expect(cardCacheKey(cardElement(text('On Time'), colours, 80), fonts)).not.toBe(
    cardCacheKey(cardElement(text('On Tides'), colours, 80), fonts),
  );
  expect(cardCacheKey(cardElement(text('On Time'), colours, 80), fonts)).not.toBe(
    cardCacheKey(cardElement({ ...text('On Time'), lang: 'en-GB' }, colours, 80), fonts),
  );
});

test('a letter of Latin Extended is drawn with its own glyph, not the empty box of a letter the font lacks', async () => {
  const draw = async (title: string) => (await layOutCard(cardElement(text(title), colours, 80), fonts)).svg;
  // A letter no loaded font has is drawn as the same empty box whatever it is.
  const missing = await draw('\u05D0');
  expect(await draw('\u05D1')).toBe(missing);
  for (const letter of ['ł', 'ő', 'ș', 'č', 'é', 'œ']) expect(await draw(letter), letter).not.toBe(missing);
  expect(await draw('ł')).not.toBe(await draw('ő'));
});

/** The essays of a built site, as the offline downloads read them from their pages. */
const ESSAYS = [
  { slug: 'on-time', title: 'On Time', lang: 'en' },
  { slug: 'uber-die-zeit', title: 'Über die Zeit', lang: 'de' },
  { slug: 'hebrew', title: 'מסה לדוגמה', lang: 'he' },
];

test('the next build copies each card from the cache instead of drawing it; a changed site title draws them again', async () => {
  const cacheDir = scratch();
  const first = scratch();
  expect(await writeSocialCards(first, { siteTitle: 'Essays', cacheDir }, ESSAYS)).toEqual({ drawn: 2, reused: 0, without: ['hebrew'] });
  expect(readdirSync(join(first, 'cards')).sort()).toEqual(['on-time.png', 'uber-die-zeit.png']);
  const cached = readdirSync(join(cacheDir, 'social-cards')).map((name) => join(cacheDir, 'social-cards', name));
  expect(cached).toHaveLength(2);
  const written = cached.map((file) => statSync(file).mtimeMs);

  const second = scratch();
  expect(await writeSocialCards(second, { siteTitle: 'Essays', cacheDir }, ESSAYS)).toEqual({ drawn: 0, reused: 2, without: ['hebrew'] });
  expect(cached.map((file) => statSync(file).mtimeMs)).toEqual(written);
  for (const card of ['on-time.png', 'uber-die-zeit.png']) {
    expect(readFileSync(join(second, 'cards', card)).equals(readFileSync(join(first, 'cards', card))), card).toBe(true);
  }

  const renamed = scratch();
  expect(await writeSocialCards(renamed, { siteTitle: 'The Reading Room', cacheDir }, ESSAYS)).toMatchObject({ drawn: 2, reused: 0 });
});

test('the build log says how many cards were drawn and reused, and which essays have none and why', () => {
  expect(socialCardsSummary({ drawn: 2, reused: 1, without: [] }, 0.42)).toBe(
    'Social cards: 2 drawn and 1 reused from the cache, in 0.4 s.',
  );
  expect(socialCardsSummary({ drawn: 0, reused: 3, without: ['a', 'b', 'c', 'd'] }, 0.1)).toBe(
    "Social cards: 0 drawn and 3 reused from the cache, in 0.1 s. None for 4 essay(s) (a, b, c, …): a title with letters the card's font (Source Serif 4, Latin) lacks, or over 300 characters.",
  );
});
