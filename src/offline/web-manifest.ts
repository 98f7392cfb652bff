/**
 * What makes the site installable (issue 7, part 2): the web app manifest, its icons and
 * the theme colours, all derived from what the site already has: its title, the colour
 * tokens of src/site/styles/tokens.css and the one SVG, public/favicon.svg. Pure: the endpoints
 * in src/site/routes/ and WebAppHead.astro render what these return.
 */

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
 * Reads the custom properties of a token file: the light scheme from its top-level `:root`
 * rule, the dark one from the `:root` inside `@media (prefers-color-scheme: dark)`, if any.
 * A value written `light-dark(light, dark)` gives each scheme its own. The dark scheme
 * inherits what it does not set.
 */
export function parseSchemeTokens(css: string): SchemeTokens {
  const source = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const darkRule = /@media\s*\(\s*prefers-color-scheme\s*:\s*dark\s*\)\s*\{\s*:root\s*\{([^}]*)\}\s*\}/.exec(source);
  const lightRule = /:root\s*\{([^}]*)\}/.exec(darkRule ? source.replace(darkRule[0], '') : source);
  const both = declarations(lightRule?.[1] ?? '');
  const scheme = (index: 1 | 2) =>
    Object.fromEntries(Object.entries(both).map(([name, value]) => [name, LIGHT_DARK.exec(value)?.[index]?.trim() ?? value]));
  return { light: scheme(1), dark: { ...scheme(2), ...declarations(darkRule?.[1] ?? '') } };
}

/** `light-dark(#fff, #000)`: a colour for each scheme (two plain colours, no nested functions). */
const LIGHT_DARK = /^light-dark\(\s*([^,()]+),\s*([^,()]+)\)$/;

function declarations(block: string): Record<string, string> {
  const properties: Record<string, string> = {};
  for (const [, name = '', value = ''] of block.matchAll(/(--[\w-]+)\s*:\s*([^;]+);?/g)) properties[name] = value.trim();
  return properties;
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
