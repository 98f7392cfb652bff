/**
 * Draws each essay's social card (`cards/<slug>.png`, named by its page's og:image) into
 * the staging folder, after Astro and before the service worker, which leaves the cards
 * out of its precache: a reader offline has no use for them.
 *
 * Satori lays out the element tree of src/publishing/social-card.ts in the fonts its text needs
 * (src/publishing/card-fonts.ts: Source Serif 4, and Noto for other scripts), read from their
 * npm packages, and sharp turns the SVG into a PNG: the same image on every machine.
 * A drawn card is kept in the build's cache folder under a hash of everything that makes
 * it (the tree: title, site title, language, colours, size; the design version; the font,
 * satori and sharp versions), so the next build copies it instead of drawing it again.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import type { Font } from 'satori';
import sharp from 'sharp';
import {
  cardFontFamilies,
  cardFontFile,
  cardFontName,
  chooseCardFonts,
  describeCharacter,
  type CardFontFamily,
  type CardFontSubset,
  type SubsetRanges,
} from './card-fonts.ts';
import {
  CARD_DESIGN_VERSION,
  CARD_FONT_WEIGHTS,
  MAX_CARD_TITLE_LENGTH,
  TITLE_SIZES,
  SOCIAL_CARD_DIR,
  SOCIAL_CARD_HEIGHT,
  SOCIAL_CARD_WIDTH,
  cardColours,
  cardElement,
  cardFits,
  smallerTitleSizes,
  socialCard,
  titleFontSize,
  type CardColours,
  type CardElement,
  type CardPart,
  type CardText,
  type LayoutBox,
} from './social-card.ts';
import { parseSchemeTokens } from '../offline/web-manifest.ts';
import type { EssayMetadata } from '../offline/offline-article.ts';
import { writeCacheFile } from './cache-file.ts';

const require = createRequire(import.meta.url);
const TOKENS = resolve(import.meta.dirname, '../site/styles/tokens.css');

/** The fonts chosen for one card, before any file is read: enough to name its cached drawing. */
export interface CardFontPlan {
  /** The names of the files, in the order satori tries them: the card's `fontFamily`. */
  names: string[];
  /** The families, each once (`Noto Serif JP`). */
  families: string[];
  /** The packages they come from, with versions (`@fontsource/source-serif-4@5.3.1`): a new version may draw other letters. */
  versions: string[];
  /** Characters of the card's text that no font draws. */
  missing: string[];
  subsets: CardFontSubset[];
}

/** The fonts that draw one card, as satori takes them, and what chose them. */
export interface CardFonts extends CardFontPlan {
  fonts: Font[];
}

/**
 * Reads the card fonts from their packages, each file once for the whole build, and each
 * family's `unicode.json` only when a title needs more than the families before it: a site of
 * Latin titles reads Source Serif 4 alone. `read` lists the font files read, in order.
 */
export class CardFontLoader {
  readonly read: string[] = [];
  private readonly files = new Map<string, Buffer>();
  private readonly ranges = new Map<string, SubsetRanges>();
  private readonly versions = new Map<string, string>();

  /** The fonts that would draw `text` (the title and the site title) in an essay in `lang`; no font file is read. */
  plan(text: string, lang: string): CardFontPlan {
    const choice = chooseCardFonts(text, cardFontFamilies(lang), (family) => this.rangesOf(family));
    const packages = [...new Set(choice.subsets.map((subset) => subset.family.package))];
    return {
      names: choice.subsets.map(cardFontName),
      families: [...new Set(choice.subsets.map((subset) => subset.family.family))],
      versions: packages.map((name) => `${name}@${this.versions.get(name) ?? ''}`),
      missing: choice.missing,
      subsets: choice.subsets,
    };
  }

  /** The fonts that draw `text` in an essay in `lang`, their files read (or kept from an earlier card). */
  fontsFor(text: string, lang: string): CardFonts {
    const plan = this.plan(text, lang);
    const fonts = plan.subsets.flatMap((subset) =>
      Object.values(CARD_FONT_WEIGHTS).map((weight): Font => ({
        name: cardFontName(subset),
        weight,
        style: 'normal',
        data: this.file(join(this.folder(subset.family), 'files', cardFontFile(subset, weight))),
      })),
    );
    return { ...plan, fonts };
  }

  private folder(family: CardFontFamily): string {
    const manifest = require.resolve(`${family.package}/package.json`);
    if (!this.versions.has(family.package)) {
      const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
      this.versions.set(family.package, version);
    }
    return dirname(manifest);
  }

  private rangesOf(family: CardFontFamily): SubsetRanges {
    let ranges = this.ranges.get(family.package);
    if (!ranges) {
      ranges = JSON.parse(readFileSync(join(this.folder(family), 'unicode.json'), 'utf8')) as SubsetRanges;
      this.ranges.set(family.package, ranges);
    }
    return ranges;
  }

  private file(path: string): Buffer {
    let data = this.files.get(path);
    if (!data) {
      data = readFileSync(path);
      this.files.set(path, data);
      this.read.push(path);
    }
    return data;
  }
}

/** What a card draws: its title and its site title. */
const drawnText = (text: CardText) => `${text.title} ${text.siteTitle}`;

/** The fonts of one card's text, read by `loader` (one of its own unless given). */
export function loadCardFonts(text: CardText, loader = new CardFontLoader()): CardFonts {
  return loader.fontsFor(drawnText(text), text.lang);
}

/** The card's colours, from the site's src/site/styles/tokens.css. */
export function readCardColours(): CardColours {
  return cardColours(parseSchemeTokens(readFileSync(TOKENS, 'utf8')));
}

/** A card laid out by satori: the SVG, and where the title and the site title went. */
export interface CardLayout {
  svg: string;
  boxes: Record<CardPart, LayoutBox>;
}

let satori: (typeof import('satori'))['default'] | undefined;

/** Lays out a card's element tree with satori. */
export async function layOutCard(element: CardElement, fonts: CardFonts): Promise<CardLayout> {
  const boxes: Partial<Record<CardPart, LayoutBox>> = {};
  // Loaded when the first card is drawn, not with the build: a site without an address draws
  // none, and satori's code was a twentieth of its start-up. Required, not imported: an installed
  // Essay Press is loaded through Vite's module runner, closed by the time the cards are drawn.
  satori ??= (require('satori') as typeof import('satori')).default;
  const svg = await satori(element, {
    width: SOCIAL_CARD_WIDTH,
    height: SOCIAL_CARD_HEIGHT,
    fonts: fonts.fonts,
    onNodeDetected: ({ key, left, top, width, height }) => {
      if (key === 'title' || key === 'site-title') boxes[key] = { left, top, width, height };
    },
  });
  const { title, 'site-title': siteTitle } = boxes;
  if (!title || !siteTitle) throw new Error('Satori laid out a social card without its title or site title.');
  return { svg, boxes: { title, 'site-title': siteTitle } };
}

/** A drawn card: the PNG, the title's size and satori's layout. */
export interface DrawnCard {
  png: Buffer;
  titleSize: number;
  layout: CardLayout;
}

/**
 * Draws a card. The title's size is estimated from its length (`titleFontSize`); when the
 * real layout shows that it does not fit, the next smaller size is tried, so a title is
 * never cut off or drawn over the site title.
 */
export async function drawSocialCard(text: CardText, colours: CardColours, fonts: CardFonts): Promise<DrawnCard> {
  const estimate = titleFontSize(text);
  for (const size of [estimate, ...smallerTitleSizes(estimate)]) {
    const layout = await layOutCard(cardElement(text, colours, size, fonts.names), fonts);
    if (!cardFits(layout.boxes)) continue;
    // A full-colour PNG: the site's colours exact and the letters' edges clean. A palette
    // PNG is half the bytes (28 KB against 64 KB for a typical title) but its quantisation
    // took 43 ms a card against 12 ms: 40 s of a 1,000-essay build's first run.
    const png = await sharp(Buffer.from(layout.svg)).png().toBuffer();
    return { png, titleSize: size, layout };
  }
  throw new Error(`The title "${text.title}" does not fit on a social card even at ${Math.min(...TITLE_SIZES)} px.`);
}

/** The versions of what draws a card, besides the tree: a change to any redraws every card. */
function drawingVersions(fonts: Pick<CardFontPlan, 'versions'>): unknown {
  const { version: satoriVersion } = require('satori/package.json') as { version: string };
  return { design: CARD_DESIGN_VERSION, fonts: fonts.versions, satori: satoriVersion, sharp: sharp.versions };
}

/** The name of a card in the cache: a hash of its tree and of what draws it. */
export function cardCacheKey(element: CardElement, fonts: Pick<CardFontPlan, 'versions'>): string {
  return createHash('sha256')
    .update(JSON.stringify({ element, drawing: drawingVersions(fonts) }))
    .digest('hex')
    .slice(0, 32);
}

export interface SocialCardsOptions {
  siteTitle: string;
  /** The build's cache folder (CACHE_DIR, or Astro's); the cards go in its `social-cards/`. */
  cacheDir: string;
  /** The file of the essay `slug`, as its author would type it, for the error of a title no font draws. */
  essayFile?: (slug: string) => string | undefined;
  /** Reads the fonts; one for the build, so each file is read once. */
  fonts?: CardFontLoader;
}

export interface SocialCardsResult {
  /** Cards drawn in this build. */
  drawn: number;
  /** Cards copied from the cache, as a previous build drew them. */
  reused: number;
  /** Essays with no card: a title too long for a card. */
  without: string[];
  /** The font families the cards are drawn in, in the order first used. */
  families: string[];
}

/** What a card says of its essay: the essay's metadata as the offline downloads read it from its page. */
export type CardEssay = Pick<EssayMetadata, 'slug' | 'title' | 'lang'>;

/**
 * The error of titles no card font can draw, one line an essay: the file, the characters and
 * their code points, and what to do.
 */
export function undrawableTitlesMessage(titles: ReadonlyArray<{ file: string; missing: readonly string[] }>): string {
  const lines = titles.map(({ file, missing }) => `  ${file}: ${missing.map(describeCharacter).join(', ')}`);
  return [
    `The social card of ${titles.length} essay(s) cannot be drawn: no card font has these characters of its title (or of the site title).`,
    ...lines,
    'Fix: write the title without them (a private-use character, or a letter of a script the cards have no font for), or build without SITE_URL, which makes no cards. The cards draw Latin, Greek, Cyrillic, Vietnamese, Arabic, Hebrew, Devanagari, Chinese, Japanese and Korean, and emoji (docs/deploying.md).',
  ].join('\n');
}

/**
 * Writes the card of every essay in `essays` that can have one, into the built site in
 * `siteDir`. The essays come already read (the offline downloads parse every page): parsing
 * each page again here was 1 s of a 500-essay build. A title that no font can draw stops the
 * build, naming every such essay, before any card is drawn.
 */
export async function writeSocialCards(
  siteDir: string,
  options: SocialCardsOptions,
  essays: readonly CardEssay[],
): Promise<SocialCardsResult> {
  const result: SocialCardsResult = { drawn: 0, reused: 0, without: [], families: [] };
  const cache = join(options.cacheDir, 'social-cards');
  const loader = options.fonts ?? new CardFontLoader();
  const cards = essays.flatMap((essay) => {
    const text: CardText = { title: essay.title, siteTitle: options.siteTitle, lang: essay.lang };
    const card = socialCard(essay.slug, text);
    if (!card) {
      result.without.push(essay.slug);
      return [];
    }
    return [{ slug: essay.slug, text, card, fonts: loader.plan(drawnText(text), text.lang) }];
  });
  const undrawable = cards.filter(({ fonts }) => fonts.missing.length > 0);
  if (undrawable.length > 0) {
    throw new Error(
      undrawableTitlesMessage(
        undrawable.map(({ slug, fonts }) => ({ file: options.essayFile?.(slug) ?? `the essay ${slug}`, missing: fonts.missing })),
      ),
    );
  }
  result.families = [...new Set(cards.flatMap(({ fonts }) => fonts.families))];
  let colours: CardColours | undefined;
  // Two cards are drawn at a time: while satori lays one out (JavaScript, on this thread),
  // sharp rasterises the other (on libvips' threads).
  const queue = [...cards];
  const next = async (): Promise<void> => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) {
      const { text, card, fonts } = item;
      colours ??= readCardColours();
      const cached = join(cache, `${cardCacheKey(cardElement(text, colours, titleFontSize(text), fonts.names), fonts)}.png`);
      if (existsSync(cached)) {
        result.reused += 1;
      } else {
        // The font files are read only for a card drawn now, not for one copied from the cache.
        const { png } = await drawSocialCard(text, colours, loadCardFonts(text, loader));
        // Written whole: a build stopped halfway leaves no broken card to reuse.
        writeCacheFile(cached, png);
        result.drawn += 1;
      }
      mkdirSync(join(siteDir, SOCIAL_CARD_DIR), { recursive: true });
      copyFileSync(cached, join(siteDir, card.path));
    }
  };
  await Promise.all([next(), next()]);
  result.without.sort();
  return result;
}

/** The build log's line: how many cards were drawn and reused, and which essays have none, and why. */
export function socialCardsSummary(result: SocialCardsResult, seconds: number): string {
  const { drawn, reused, without, families } = result;
  const fonts = families.length === 0 ? '' : `, in ${families.join(', ')}`;
  const none =
    without.length === 0
      ? ''
      : ` None for ${without.length} essay(s) (${without.slice(0, 3).join(', ')}${without.length > 3 ? ', …' : ''}): a title over ${MAX_CARD_TITLE_LENGTH} characters.`;
  return `Social cards: ${drawn} drawn and ${reused} reused from the cache${fonts}, in ${seconds.toFixed(1)} s.${none}`;
}
