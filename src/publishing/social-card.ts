/**
 * An essay's social card: the image a link preview shows (og:image, twitter:image), with
 * the essay's title and the site's. What it says, whether it can be drawn, the title's size
 * and the element tree satori lays out are decided here, pure and tested
 * (tests/lib/social-card.test.ts); src/publishing/write-social-cards.ts draws it at build time.
 */
import type { SchemeTokens } from '../offline/web-manifest.ts';
import { textDirection } from '../strings/lang.ts';

/** 1.91:1, the size Open Graph and X's `summary_large_image` show without cropping. */
export const SOCIAL_CARD_WIDTH = 1200;
export const SOCIAL_CARD_HEIGHT = 630;

/** The folder of the site the cards are written to: `cards/<slug>.png`. */
export const SOCIAL_CARD_DIR = 'cards';

/**
 * Raised whenever the drawing changes in a way the element tree does not show (the PNG
 * encoding, how a card is checked, the fonts chosen), so cached cards of the old design are
 * not reused. 2: fonts for every script, and right-to-left titles.
 */
export const CARD_DESIGN_VERSION = 2;

/** The weights drawn: the title's and the site title's. */
export const CARD_FONT_WEIGHTS = { title: 600, site: 400 } as const;

/**
 * The longest title a card takes, in characters. Longer ones would be drawn too small to
 * read in a preview; their essays have no card, and the preview shows the text alone.
 */
export const MAX_CARD_TITLE_LENGTH = 300;

/** What a card says. */
export interface CardText {
  title: string;
  siteTitle: string;
  /** BCP 47: the language the title is drawn in. */
  lang: string;
}

/** An essay's card, as its page names it. */
export interface SocialCard {
  /** The file inside the site: `cards/on-time.png`. */
  path: string;
  width: number;
  height: number;
  /** What the card shows, for readers who cannot see it. */
  alt: string;
}

/** Text as the card draws it: composed (é, not e + ◌́) and on one line, spaces folded. */
function cardText(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/**
 * The social card of the essay `slug`, or undefined when it cannot have one: a title too long
 * to read on a card. The page (which names the card) and the build (which draws it) both ask
 * here, so they cannot disagree. A title in any script has one: the build chooses fonts that
 * draw it (src/publishing/card-fonts.ts), and stops, naming the characters, when none can.
 */
export function socialCard(slug: string, text: CardText): SocialCard | undefined {
  const title = cardText(text.title);
  const siteTitle = cardText(text.siteTitle);
  if (title === '' || [...title].length > MAX_CARD_TITLE_LENGTH) return undefined;
  return {
    path: `${SOCIAL_CARD_DIR}/${slug}.png`,
    width: SOCIAL_CARD_WIDTH,
    height: SOCIAL_CARD_HEIGHT,
    alt: siteTitle === '' ? title : `${title} · ${siteTitle}`,
  };
}

/** The card's colours: the light scheme of tokens.css, the site's own, with its contrast. */
export interface CardColours {
  background: string;
  title: string;
  siteTitle: string;
  accent: string;
  rule: string;
}

/** The card's colours from the site's tokens (see `parseSchemeTokens`). */
export function cardColours(tokens: SchemeTokens): CardColours {
  const token = (name: string) => {
    const value = tokens.light[name];
    if (!value) throw new Error(`src/site/styles/tokens.css has no ${name}, which the social cards use.`);
    return value;
  };
  return {
    background: token('--color-bg'),
    title: token('--color-text'),
    siteTitle: token('--color-muted'),
    accent: token('--color-link'),
    rule: token('--color-rule'),
  };
}

/** The card's geometry, in pixels. */
export const CARD_LAYOUT = {
  /** A band of the link colour along the top edge. */
  band: 16,
  paddingBlock: 64,
  paddingInline: 80,
  titleLineHeight: 1.2,
  siteTitleSize: 32,
  siteTitleLineHeight: 1.25,
  /** The rule above the site title, and the space between them. */
  rule: 2,
  ruleGap: 24,
  /** The least space between the title and the rule. */
  minGap: 40,
} as const;

/**
 * The title's sizes, largest first: a title gets the largest at which it fits. The
 * smallest still reads in a preview, and fits the longest title a card takes.
 */
export const TITLE_SIZES = [80, 72, 64, 56, 50, 44, 38, 34, 30, 26] as const;

/** Where the title and the site title may go, in pixels. */
const TEXT_WIDTH = SOCIAL_CARD_WIDTH - 2 * CARD_LAYOUT.paddingInline;
const CONTENT_HEIGHT = SOCIAL_CARD_HEIGHT - CARD_LAYOUT.band - 2 * CARD_LAYOUT.paddingBlock;

/**
 * A character's width in ems in Source Serif 4 Semibold, rounded up: measured with satori
 * (a sentence averages 0.5 em a character); a CJK character's is 1 em. Only an estimate to choose the size with; the
 * drawing checks the real layout (`cardFits`).
 */
function charWidth(char: string): number {
  if (char === ' ') return 0.26;
  // Han, kana, Hangul and full-width forms are square.
  if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303F\uFF00-\uFFEF]/u.test(char)) return 1;
  if (/[MWmw@%ŒÆœæ]/u.test(char)) return 1;
  if (/\p{Lu}/u.test(char)) return 0.74;
  if (/[\p{L}\p{N}]/u.test(char)) return 0.58;
  return 0.45;
}

/**
 * How many lines `text` takes at `size` px in a box `width` px wide, wrapped between
 * words as satori wraps it; a word longer than a line is broken.
 */
export function estimateLines(text: string, size: number, width: number): number {
  const words = cardText(text).split(' ');
  const space = charWidth(' ') * size;
  let lines = 1;
  let used = 0;
  for (const word of words) {
    const wordWidth = [...word].reduce((sum, char) => sum + charWidth(char) * size, 0);
    const needed = used === 0 ? wordWidth : used + space + wordWidth;
    if (needed <= width) {
      used = needed;
    } else if (wordWidth <= width) {
      lines += used === 0 ? 0 : 1;
      used = wordWidth;
    } else {
      // Broken across lines: it starts a line and fills whole ones.
      if (used > 0) lines += 1;
      lines += Math.ceil(wordWidth / width) - 1;
      used = wordWidth % width || width;
    }
  }
  return lines;
}

/** The height the site title and its rule take at the foot of the card. */
function footHeight(siteTitle: string): number {
  const { siteTitleSize, siteTitleLineHeight, rule, ruleGap } = CARD_LAYOUT;
  const lines = siteTitle === '' ? 0 : estimateLines(siteTitle, siteTitleSize, TEXT_WIDTH);
  return rule + ruleGap + Math.ceil(lines * siteTitleSize * siteTitleLineHeight);
}

/** The title's font size: the largest of `TITLE_SIZES` at which it fits above the site title. */
export function titleFontSize(text: Pick<CardText, 'title' | 'siteTitle'>): number {
  const height = CONTENT_HEIGHT - CARD_LAYOUT.minGap - footHeight(cardText(text.siteTitle));
  const fits = (size: number) => estimateLines(text.title, size, TEXT_WIDTH) * size * CARD_LAYOUT.titleLineHeight <= height;
  return TITLE_SIZES.find(fits) ?? Math.min(...TITLE_SIZES);
}

/** The sizes to try after `size` when the real layout shows it does not fit: each smaller one. */
export function smallerTitleSizes(size: number): number[] {
  return TITLE_SIZES.filter((candidate) => candidate < size);
}

/** An element of the tree satori lays out (its React-like form, without React). */
export interface CardElement {
  type: 'div';
  /** Names the title and the site title in satori's layout (`onNodeDetected`). */
  key?: CardPart;
  props: {
    lang?: string;
    style: Readonly<Record<string, string | number>>;
    children?: string | CardElement[];
  };
}

export type CardPart = 'title' | 'site-title';

/**
 * The card as satori lays it out: the title at the top, as large as it fits (`size`), in
 * the text colour; the site title at the foot, under a rule, in the muted colour. `fonts`
 * names the font files that draw it, in the order they are tried (`chooseCardFonts`). The
 * card runs in the essay's direction: an Arabic or Hebrew title starts at the right.
 */
export function cardElement(text: CardText, colours: CardColours, size: number, fonts: readonly string[]): CardElement {
  const layout = CARD_LAYOUT;
  const siteTitle = cardText(text.siteTitle);
  const direction = textDirection(text.lang);
  return {
    type: 'div',
    props: {
      style: {
        display: 'flex',
        flexDirection: 'column',
        justifyContent: 'space-between',
        boxSizing: 'border-box',
        width: SOCIAL_CARD_WIDTH,
        height: SOCIAL_CARD_HEIGHT,
        padding: `${layout.paddingBlock}px ${layout.paddingInline}px`,
        borderTop: `${layout.band}px solid ${colours.accent}`,
        backgroundColor: colours.background,
        fontFamily: fonts.join(', '),
        direction,
      },
      children: [
        {
          type: 'div',
          key: 'title',
          props: {
            lang: text.lang,
            style: {
              display: 'flex',
              flexShrink: 0,
              fontSize: size,
              fontWeight: CARD_FONT_WEIGHTS.title,
              lineHeight: layout.titleLineHeight,
              color: colours.title,
              // A word longer than the line is broken, never cut off at the edge.
              wordBreak: 'break-word',
            },
            children: cardText(text.title),
          },
        },
        {
          type: 'div',
          key: 'site-title',
          props: {
            style: {
              display: 'flex',
              flexShrink: 0,
              paddingTop: layout.ruleGap,
              borderTop: `${layout.rule}px solid ${colours.rule}`,
              fontSize: layout.siteTitleSize,
              fontWeight: CARD_FONT_WEIGHTS.site,
              lineHeight: layout.siteTitleLineHeight,
              color: colours.siteTitle,
              wordBreak: 'break-word',
            },
            children: siteTitle,
          },
        },
      ],
    },
  };
}

/** A box of satori's layout, in pixels from the card's top left corner. */
export interface LayoutBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * Whether a laid-out card shows all its text: the title and the site title inside the
 * padding, the site title below the title with the least gap between them. Satori does
 * not clip, so a title too large would run over the site title or off the card.
 */
export function cardFits(boxes: Readonly<Record<CardPart, LayoutBox>>): boolean {
  const { title, 'site-title': site } = boxes;
  const inside = (box: LayoutBox) =>
    box.left >= CARD_LAYOUT.paddingInline - 0.5 &&
    box.left + box.width <= SOCIAL_CARD_WIDTH - CARD_LAYOUT.paddingInline + 0.5 &&
    box.top >= CARD_LAYOUT.band + CARD_LAYOUT.paddingBlock - 0.5 &&
    box.top + box.height <= SOCIAL_CARD_HEIGHT - CARD_LAYOUT.paddingBlock + 0.5;
  return inside(title) && inside(site) && title.top + title.height + CARD_LAYOUT.minGap <= site.top + 0.5;
}
