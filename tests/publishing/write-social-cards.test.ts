import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, expect, test } from 'vitest';
import {
  CardFontLoader,
  cardCacheKey,
  drawSocialCard,
  layOutCard,
  loadCardFonts,
  readCardColours,
  socialCardsSummary,
  undrawableTitlesMessage,
  writeSocialCards,
  type CardFonts,
} from '../../src/publishing/write-social-cards.ts';
import { CARD_LAYOUT, cardElement, cardFits, titleFontSize, type CardText } from '../../src/publishing/social-card.ts';

const loader = new CardFontLoader();
const colours = readCardColours();
const text = (title: string, lang = 'en'): CardText => ({ title, siteTitle: 'The Reading Room', lang });
/** The fonts of the Latin titles: Source Serif 4's Latin subsets, in which any other letter is the same empty box. */
const fonts = loadCardFonts(text('On Time — Łódź'), loader);
const fontsOf = (card: CardText): CardFonts => loadCardFonts(card, loader);

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
    const { boxes } = await layOutCard(cardElement(text(title), colours, size, fonts.names), fonts);
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
  const key = (card: CardText) => cardCacheKey(cardElement(card, colours, 80, fonts.names), fonts);
  expect(key(text('On Time'))).not.toBe(key(text('On Tides')));
  expect(key(text('On Time'))).not.toBe(key({ ...text('On Time'), lang: 'en-GB' }));
});

test('a letter of Latin Extended is drawn with its own glyph, not the empty box of a letter the font lacks', async () => {
  const draw = async (title: string) => (await layOutCard(cardElement(text(title), colours, 80, fonts.names), fonts)).svg;
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
  { slug: 'too-long', title: 'x'.repeat(301), lang: 'en' },
];

test('the next build copies each card from the cache instead of drawing it; a changed site title draws them again', async () => {
  const cacheDir = scratch();
  const first = scratch();
  expect(await writeSocialCards(first, { siteTitle: 'Essays', cacheDir }, ESSAYS)).toEqual({
    drawn: 3,
    reused: 0,
    without: ['too-long'],
    families: ['Source Serif 4', 'Noto Serif Hebrew'],
  });
  expect(readdirSync(join(first, 'cards')).sort()).toEqual(['hebrew.png', 'on-time.png', 'uber-die-zeit.png']);
  const cached = readdirSync(join(cacheDir, 'social-cards')).map((name) => join(cacheDir, 'social-cards', name));
  expect(cached).toHaveLength(3);
  const written = cached.map((file) => statSync(file).mtimeMs);

  const second = scratch();
  const secondFonts = new CardFontLoader();
  expect(await writeSocialCards(second, { siteTitle: 'Essays', cacheDir, fonts: secondFonts }, ESSAYS)).toEqual({
    drawn: 0,
    reused: 3,
    without: ['too-long'],
    families: ['Source Serif 4', 'Noto Serif Hebrew'],
  });
  expect(cached.map((file) => statSync(file).mtimeMs)).toEqual(written);
  // Copied from the cache, a card's fonts are not read at all.
  expect(secondFonts.read).toEqual([]);
  for (const card of ['hebrew.png', 'on-time.png', 'uber-die-zeit.png']) {
    expect(readFileSync(join(second, 'cards', card)).equals(readFileSync(join(first, 'cards', card))), card).toBe(true);
  }

  const renamed = scratch();
  expect(await writeSocialCards(renamed, { siteTitle: 'The Reading Room', cacheDir }, ESSAYS)).toMatchObject({ drawn: 3, reused: 0 });
});

test('a title no font can draw stops the build before any card is drawn, naming the file, the characters and the fix', async () => {
  const site = scratch();
  const essays = [
    ...ESSAYS,
    { slug: 'private', title: 'On \uE000 Time \uE001', lang: 'en' },
    // U+0E32 (า) is in a CJK font's list: only the letters no font has are named.
    { slug: 'thai', title: 'นาฬิกา', lang: 'th' },
  ];
  const essayFile = (slug: string) => (slug === 'private' ? 'content/essays/private.mdx' : undefined);
  await expect(writeSocialCards(site, { siteTitle: 'Essays', cacheDir: scratch(), essayFile }, essays)).rejects.toThrow(
    undrawableTitlesMessage([
      { file: 'content/essays/private.mdx', missing: ['\uE000', '\uE001'] },
      { file: 'the essay thai', missing: ['น', 'ฬ', 'ิ', 'ก'] },
    ]),
  );
  expect(readdirSync(site)).toEqual([]);
  expect(undrawableTitlesMessage([{ file: 'content/essays/private.mdx', missing: ['\uE000'] }])).toMatchInlineSnapshot(`
    "The social card of 1 essay(s) cannot be drawn: no card font has these characters of its title (or of the site title).
      content/essays/private.mdx: "" (U+E000)
    Fix: write the title without them (a private-use character, or a letter of a script the cards have no font for), or build without SITE_URL, which makes no cards. The cards draw Latin, Greek, Cyrillic, Vietnamese, Arabic, Hebrew, Devanagari, Chinese, Japanese and Korean, and emoji (docs/deploying.md)."
  `);
});

test('a site of Latin titles reads Source Serif 4’s Latin files alone, once for the whole build', async () => {
  const own = new CardFontLoader();
  await writeSocialCards(scratch(), { siteTitle: 'Essays', cacheDir: scratch(), fonts: own }, ESSAYS.slice(0, 2));
  expect(own.read.map((file) => file.split('/').at(-1))).toEqual([
    'source-serif-4-latin-600-normal.woff',
    'source-serif-4-latin-400-normal.woff',
  ]);
  // An Arabic title adds Noto Sans Arabic's Arabic files, and nothing of the CJK families.
  loadCardFonts(text('عن الساعات', 'ar'), own);
  expect(own.read.slice(2).map((file) => file.split('/').at(-1))).toEqual([
    'noto-sans-arabic-arabic-600-normal.woff',
    'noto-sans-arabic-arabic-400-normal.woff',
  ]);
});

/** The title's area of a card: the raw pixels between the margins, above the site title. */
async function titleArea(png: Buffer): Promise<Buffer> {
  const { paddingInline, paddingBlock, band } = CARD_LAYOUT;
  return sharp(png)
    .extract({ left: paddingInline, top: band + paddingBlock, width: 1200 - 2 * paddingInline, height: 300 })
    .raw()
    .toBuffer();
}

/** The ink of a card's title: which columns have a pixel that is not the background, how many pixels, and the columns it spans. */
async function ink(png: Buffer) {
  const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
  const background = [...Buffer.from(colours.background.slice(1), 'hex')];
  const columns = new Array<boolean>(info.width).fill(false);
  let pixels = 0;
  for (let y = CARD_LAYOUT.band + CARD_LAYOUT.paddingBlock; y < 400; y += 1) {
    for (let x = 0; x < info.width; x += 1) {
      const at = (y * info.width + x) * info.channels;
      if ([0, 1, 2].some((channel) => Math.abs((data[at + channel] ?? 0) - (background[channel] ?? 0)) > 24)) {
        pixels += 1;
        columns[x] = true;
      }
    }
  }
  return { pixels, columns, left: columns.indexOf(true), right: columns.lastIndexOf(true) };
}

/** Titles in each script the cards draw, with the language of their essay. */
const SCRIPTS: Record<string, CardText> = {
  Arabic: text('عن الساعات والزمن', 'ar'),
  Hebrew: text('על השעונים והזמן', 'he'),
  Greek: text('Για τον χρόνο και τα ρολόγια', 'el'),
  Cyrillic: text('О часах и времени', 'ru'),
  Devanagari: text('घड़ियों और समय के बारे में', 'hi'),
  Japanese: text('時計と時間について', 'ja'),
  Korean: text('시계와 시간에 대하여', 'ko'),
  Chinese: text('关于钟表与时间', 'zh'),
  'Chinese (Traditional)': text('關於鐘錶與時間', 'zh-Hant'),
  emoji: text('🕰️⏳🌍', 'en'),
};

test.each(Object.entries(SCRIPTS))(
  'a %s title is drawn in its own letters, not the empty boxes of a font without them',
  async (_script, card) => {
    const drawn = await drawSocialCard(card, colours, fontsOf(card));
    expect(drawn.layout.svg.length).toBeGreaterThan(0);
    // Drawn in the Latin fonts alone, every letter is the same empty box: the real card is not that.
    const boxes = await drawSocialCard(card, colours, fonts);
    expect((await titleArea(drawn.png)).equals(await titleArea(boxes.png))).toBe(false);
    expect((await ink(drawn.png)).pixels).toBeGreaterThan(2000);
  },
);

test('an Arabic title is shaped: its letters join, which they do not when a non-joiner stands between them', async () => {
  const joined = text('الساعات', 'ar');
  const apart = text([...'الساعات'].join('\u200C'), 'ar');
  const [a, b] = await Promise.all([drawSocialCard(joined, colours, fontsOf(joined)), drawSocialCard(apart, colours, fontsOf(apart))]);
  expect((await titleArea(a.png)).equals(await titleArea(b.png))).toBe(false);
  // Joined letters are narrower than the same letters each in its isolated form.
  const [joinedInk, apartInk] = await Promise.all([ink(a.png), ink(b.png)]);
  expect(joinedInk.right - joinedInk.left).toBeLessThan(apartInk.right - apartInk.left);
});

test('an Arabic or Hebrew title starts at the right and reads right to left: its first word is at the right edge', async () => {
  for (const [first, whole, lang] of [
    ['عن', 'عن الساعات', 'ar'],
    ['על', 'על השעונים', 'he'],
  ] as const) {
    const draw = async (words: string) => ink((await drawSocialCard(text(words, lang), colours, fontsOf(text(words, lang)))).png);
    const [alone, title] = await Promise.all([draw(first), draw(whole)]);
    // Both end at the right margin.
    for (const drawn of [alone, title]) expect(drawn.right, lang).toBeGreaterThan(1200 - CARD_LAYOUT.paddingInline - 12);
    // The first word takes the title's rightmost columns, as wide as it is alone, and the space after it is to its left.
    const width = alone.right - alone.left;
    const space = title.columns.slice(title.right - width - 12, title.right - width - 4);
    expect(
      space.every((inked) => !inked),
      `${lang}: a space left of the first word`,
    ).toBe(true);
    expect(title.left).toBeLessThan(alone.left - 100);
  }
  // A left-to-right title starts at the left margin.
  expect((await ink((await drawSocialCard(text('On Time'), colours, fonts)).png)).left).toBeLessThan(CARD_LAYOUT.paddingInline + 12);
});

test('the build log says how many cards were drawn and reused, in which fonts, and which essays have none and why', () => {
  expect(socialCardsSummary({ drawn: 2, reused: 1, without: [], families: ['Source Serif 4', 'Noto Sans Arabic'] }, 0.42)).toBe(
    'Social cards: 2 drawn and 1 reused from the cache, in Source Serif 4, Noto Sans Arabic, in 0.4 s.',
  );
  expect(socialCardsSummary({ drawn: 0, reused: 3, without: ['a', 'b', 'c', 'd'], families: ['Source Serif 4'] }, 0.1)).toBe(
    'Social cards: 0 drawn and 3 reused from the cache, in Source Serif 4, in 0.1 s. None for 4 essay(s) (a, b, c, …): a title over 300 characters.',
  );
});
