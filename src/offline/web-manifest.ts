/**
 * What makes the site installable (issue 7, part 2): the web app manifest, its icons and
 * the theme colours, all derived from what the site already has: its title, the colour
 * tokens of src/site/styles/tokens.css and the one SVG, public/favicon.svg. Pure: the endpoints
 * in src/site/routes/ and WebAppHead.astro render what these return.
 */
import { transform, type MediaList, type StyleRule, type TokenOrValue } from 'lightningcss';
import { tokenListText, type ColourScheme } from './css-value-text.ts';

/** One icon drawn from the favicon at build time (src/offline/routes/icons/[icon].png.ts). */
export interface WebAppIcon {
  /** The file name under `icons/`, without `.png`. */
  name: string;
  /** Width and height in pixels. */
  size: number;
  /**
   * `any`: the favicon as it is; `maskable`: padded so a launcher may crop it to any shape;
   * `apple-touch-icon`: linked from every page for iOS, not listed in the manifest.
   */
  purpose: 'any' | 'maskable' | 'apple-touch-icon';
  /** The share of the width the favicon takes, centred. */
  artwork: number;
  /** Whether the icon is filled with the background colour (else transparent). */
  opaque: boolean;
}

/**
 * A maskable icon's safe zone is the centred circle 80% of its width
 * (https://www.w3.org/TR/appmanifest/#icon-masks): a square drawn inside it may be at most
 * 0.8 / √2 ≈ 0.566 of the width. The favicon is a square.
 */
export const MASKABLE_SAFE_ZONE = 0.8;

export const WEB_APP_ICONS: readonly WebAppIcon[] = [
  { name: 'icon-192', size: 192, purpose: 'any', artwork: 1, opaque: false },
  { name: 'icon-512', size: 512, purpose: 'any', artwork: 1, opaque: false },
  { name: 'icon-maskable-512', size: 512, purpose: 'maskable', artwork: 0.56, opaque: true },
  // iOS shows transparent pixels as black and rounds the corners itself.
  { name: 'apple-touch-icon', size: 180, purpose: 'apple-touch-icon', artwork: 1, opaque: true },
];

/** The URL of an icon under the base path: `/sub/icons/icon-192.png`. */
export function iconHref(icon: WebAppIcon, base: string): string {
  return `${base}icons/${icon.name}.png`;
}

/** The icon named `name` (a file name under `icons/` without `.png`), or undefined. */
export function findIcon(name: string): WebAppIcon | undefined {
  return WEB_APP_ICONS.find((icon) => icon.name === name);
}

/** Where an icon's favicon is drawn: its side and its offset from the top left corner, in pixels. */
export function iconArtworkBox(icon: WebAppIcon): { side: number; offset: number } {
  const side = Math.round(icon.size * icon.artwork);
  return { side, offset: Math.floor((icon.size - side) / 2) };
}

/** The custom properties set in each colour scheme of a token file. */
export interface SchemeTokens {
  light: Readonly<Record<string, string>>;
  dark: Readonly<Record<string, string>>;
}

/**
 * Reads the custom properties of a token file, parsed as browsers parse it (lightningcss):
 * the light scheme from its top-level `:root` rules, the dark one from the `:root` rules
 * inside `@media (prefers-color-scheme: dark)`, if any, wherever that block stands. A value
 * written `light-dark(light, dark)` gives each scheme its own. The dark scheme inherits what
 * it does not set. Values come back as text (`tokenListText`): sRGB colours as `#rrggbb`.
 */
export function parseSchemeTokens(css: string): SchemeTokens {
  // Every page's head asks for the tokens of the same file: parsed once, not 500 times (0.4 s
  // of a 500-essay build). Frozen, as every page shares them.
  if (lastParsed?.css !== css) lastParsed = { css, tokens: readSchemeTokens(css) };
  return lastParsed.tokens;
}

let lastParsed: { css: string; tokens: SchemeTokens } | undefined;

function readSchemeTokens(css: string): SchemeTokens {
  const root = new Map<string, TokenOrValue[]>();
  const darkRoot = new Map<string, TokenOrValue[]>();
  transform({
    filename: 'tokens.css',
    code: new TextEncoder().encode(css),
    // The token file is the site's own: a rule a browser would drop is an error, not a missing colour.
    errorRecovery: false,
    visitor: {
      // Only the top level and the dark media block count, not `@supports` or other rules.
      StyleSheet: ({ rules }) => {
        for (const rule of rules) {
          if (rule.type === 'style') collectRoot(rule.value, root);
          if (rule.type === 'media' && prefersDark(rule.value.query))
            for (const inner of rule.value.rules) if (inner.type === 'style') collectRoot(inner.value, darkRoot);
        }
      },
    },
  });
  const scheme = (properties: Map<string, TokenOrValue[]>, colours: ColourScheme) =>
    Object.fromEntries([...properties].map(([name, value]) => [name, tokenListText(value, colours)]));
  return Object.freeze({
    light: Object.freeze(scheme(root, 'light')),
    dark: Object.freeze({ ...scheme(root, 'dark'), ...scheme(darkRoot, 'dark') }),
  });
}

/** Adds the custom properties of a rule whose selector is `:root` alone; a later one wins. */
function collectRoot(rule: StyleRule, properties: Map<string, TokenOrValue[]>): void {
  const [selector, ...others] = rule.selectors;
  const [component, ...rest] = selector ?? [];
  if (others.length > 0 || rest.length > 0 || component?.type !== 'pseudo-class' || component.kind !== 'root') return;
  const { declarations = [], importantDeclarations = [] } = rule.declarations ?? {};
  for (const declaration of [...declarations, ...importantDeclarations])
    if (declaration.property === 'custom') properties.set(declaration.value.name, declaration.value.value);
}

/** Whether a media query list is `(prefers-color-scheme: dark)` and nothing else. */
function prefersDark({ mediaQueries }: MediaList): boolean {
  return (
    mediaQueries.length > 0 &&
    mediaQueries.every(({ qualifier, mediaType, condition }) => {
      if (qualifier || mediaType !== 'all' || condition?.type !== 'feature') return false;
      const feature = condition.value;
      return (
        feature.type === 'plain' &&
        feature.name === 'prefers-color-scheme' &&
        feature.value.type === 'ident' &&
        feature.value.value === 'dark'
      );
    })
  );
}

/** The page background of each scheme, `--color-bg`: the browser's chrome and the splash screen. */
export function themeColours(tokens: SchemeTokens): { light: string; dark: string } {
  const light = tokens.light['--color-bg'];
  const dark = tokens.dark['--color-bg'];
  if (!light || !dark)
    throw new Error('src/site/styles/tokens.css must set --color-bg in :root (and may set it again for the dark scheme).');
  return { light, dark };
}

/**
 * The name under the icon on a home screen, which shows about 12 characters: the title
 * if it fits, else as many of its first words as fit, else its first 12 characters.
 */
export function shortName(title: string, limit = 12): string {
  const characters = (text: string) => [...text].length;
  if (characters(title) <= limit) return title;
  let short = '';
  for (const word of title.split(/\s+/)) {
    const next = short === '' ? word : `${short} ${word}`;
    if (characters(next) > limit) break;
    short = next;
  }
  return short || [...title].slice(0, limit).join('');
}

export interface WebAppManifestOptions {
  /** The site's name (SITE_TITLE). */
  title: string;
  /** The base path, `/` or `/sub/`: where the app starts and what it covers. */
  base: string;
  /** The light scheme's background: the splash screen and the title bar. */
  background: string;
  /** The language of the site's own words (its chrome and this manifest). */
  lang?: string;
}

/** The web app manifest (https://www.w3.org/TR/appmanifest/), served as `${base}manifest.webmanifest`. */
export function webAppManifest({ title, base, background, lang = 'en' }: WebAppManifestOptions) {
  return {
    id: base,
    name: title,
    short_name: shortName(title),
    lang,
    start_url: base,
    scope: base,
    display: 'standalone',
    background_color: background,
    theme_color: background,
    icons: WEB_APP_ICONS.filter((icon) => icon.purpose !== 'apple-touch-icon').map((icon) => ({
      src: iconHref(icon, base),
      sizes: `${icon.size}x${icon.size}`,
      type: 'image/png',
      purpose: icon.purpose,
    })),
  };
}
