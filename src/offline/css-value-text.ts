/**
 * The text of a custom property's value as lightningcss parses it (a token list), for one
 * colour scheme: `light-dark(a, b)` becomes the scheme's side. Colours come back as the
 * callers read them: sRGB as `#rrggbb` (the contrast checks and the manifest take six hex
 * digits), translucent sRGB as `rgb(r g b / a)`, other spaces in their own function.
 * Runs at build time in Node, never in the browser.
 */
import type { CssColor, Token, TokenOrValue, UnresolvedColor } from 'lightningcss';

/** Which side of a `light-dark()` colour to print. */
export type ColourScheme = 'light' | 'dark';

/** The value as CSS text, in the colours of `scheme`, without leading or trailing space. */
export function tokenListText(tokens: readonly TokenOrValue[], scheme: ColourScheme): string {
  return tokens
    .map((token) => tokenOrValueText(token, scheme))
    .join('')
    .trim();
}

function tokenOrValueText(token: TokenOrValue, scheme: ColourScheme): string {
  const list = (tokens: readonly TokenOrValue[]) => tokenListText(tokens, scheme);
  const fallback = (tokens: readonly TokenOrValue[] | null | undefined) => (tokens ? `, ${list(tokens)}` : '');
  switch (token.type) {
    case 'token':
      return rawTokenText(token.value);
    case 'color':
      return colourText(token.value, scheme);
    case 'unresolved-color':
      return unresolvedColourText(token.value, scheme);
    case 'url':
      return `url(${quoted(token.value.url)})`;
    case 'var':
      return `var(${token.value.name.ident}${fallback(token.value.fallback)})`;
    case 'env': {
      const { name, indices = [], fallback: otherwise } = token.value;
      const ident = name.type === 'custom' ? name.ident : name.value;
      return `env(${[ident, ...indices.map(String)].join(' ')}${fallback(otherwise)})`;
    }
    case 'function':
      return `${token.value.name}(${list(token.value.arguments)})`;
    case 'length':
      return `${numberText(token.value.value)}${token.value.unit}`;
    case 'angle':
    case 'resolution':
      return `${numberText(token.value.value)}${token.value.type}`;
    case 'time':
      return `${numberText(token.value.value)}${token.value.type === 'seconds' ? 's' : 'ms'}`;
    case 'dashed-ident':
      return token.value;
    case 'animation-name':
      return token.value.type === 'none' ? 'none' : token.value.type === 'ident' ? token.value.value : quoted(token.value.value);
  }
}

/** Punctuation and blocks: the tokens that stand for themselves. */
const PUNCTUATION: Partial<Record<Token['type'], string>> = {
  colon: ':',
  semicolon: ';',
  comma: ',',
  'include-match': '~=',
  'dash-match': '|=',
  'prefix-match': '^=',
  'suffix-match': '$=',
  'substring-match': '*=',
  cdo: '<!--',
  cdc: '-->',
  'parenthesis-block': '(',
  'square-bracket-block': '[',
  'curly-bracket-block': '{',
  'close-parenthesis': ')',
  'close-square-bracket': ']',
  'close-curly-bracket': '}',
};

function rawTokenText(token: Token): string {
  switch (token.type) {
    case 'ident':
    case 'delim':
    case 'white-space':
      return token.value;
    case 'at-keyword':
      return `@${token.value}`;
    case 'hash':
    case 'id-hash':
      return `#${token.value}`;
    case 'string':
      return quoted(token.value);
    case 'unquoted-url':
    case 'bad-url':
      return `url(${token.value})`;
    case 'bad-string':
      return `'${token.value}`;
    case 'number':
      return numberText(token.value);
    // lightningcss keeps a percentage as a fraction: 0.5 is 50%. Multiplied in f32, as it does.
    case 'percentage':
      return `${numberText(Math.fround(token.value * 100))}%`;
    case 'dimension':
      return `${numberText(token.value)}${token.unit}`;
    case 'comment':
      return `/*${token.value}*/`;
    case 'function':
      return `${token.value}(`;
    default:
      return PUNCTUATION[token.type] ?? '';
  }
}

/** The components of each colour function other than sRGB, in order; `%` marks a percentage. */
const COLOUR_COMPONENTS: Record<string, readonly string[]> = {
  lab: ['l', 'a', 'b'],
  lch: ['l', 'c', 'h'],
  oklab: ['l', 'a', 'b'],
  oklch: ['l', 'c', 'h'],
  hsl: ['h', 's%', 'l%'],
  hwb: ['h', 'w%', 'b%'],
};

/** The predefined spaces of `color()`: the XYZ ones name their components x, y, z. */
const XYZ = ['x', 'y', 'z'] as const;
const RGB = ['r', 'g', 'b'] as const;

function colourText(colour: CssColor, scheme: ColourScheme): string {
  // A system colour (`canvas`) is its own name.
  if (typeof colour === 'string') return colour;
  switch (colour.type) {
    case 'currentcolor':
      return 'currentcolor';
    case 'light-dark':
      return colourText(colour[scheme], scheme);
    case 'rgb':
      return colour.alpha === 1
        ? hex(colour.r, colour.g, colour.b)
        : `rgb(${colour.r} ${colour.g} ${colour.b} / ${alphaText(colour.alpha)})`;
  }
  // Every other space: its components as lightningcss keeps them (`none` is null).
  const components = colour as unknown as Record<string, number | null>;
  const alpha = colour.alpha === 1 ? '' : ` / ${alphaText(colour.alpha)}`;
  const named = COLOUR_COMPONENTS[colour.type];
  const print = (names: readonly string[]) =>
    names
      .map((name) => {
        const value = components[name.replace('%', '')];
        return value === null || value === undefined ? 'none' : `${numberText(value)}${name.endsWith('%') ? '%' : ''}`;
      })
      .join(' ');
  if (named) return `${colour.type}(${print(named)}${alpha})`;
  return `color(${colour.type} ${print(colour.type.startsWith('xyz') ? XYZ : RGB)}${alpha})`;
}

/** A colour with a `var()` in it: lightningcss parsed what it could and kept the rest as tokens. */
function unresolvedColourText(colour: UnresolvedColor, scheme: ColourScheme): string {
  if (colour.type === 'light-dark') return tokenListText(colour[scheme], scheme);
  const alpha = tokenListText(colour.alpha, scheme);
  if (colour.type === 'rgb') return `rgb(${colour.r} ${colour.g} ${colour.b} / ${alpha})`;
  return `hsl(${numberText(colour.h)} ${numberText(colour.s)}% ${numberText(colour.l)}% / ${alpha})`;
}

const hex = (...channels: number[]) => `#${channels.map((channel) => channel.toString(16).padStart(2, '0')).join('')}`;

/** An alpha kept in a byte (128 is 0.50196…) reads as its three decimals, 0.502. */
const alphaText = (alpha: number) => String(Number(alpha.toFixed(3)));

/**
 * lightningcss keeps numbers in 32 bits: 1.05 arrives as 1.0499999523162842. The shortest
 * decimal that is the same 32-bit number is what was written.
 */
export function numberText(value: number): string {
  const single = Math.fround(value);
  for (let digits = 1; digits < 10; digits++) {
    const shortest = Number(single.toPrecision(digits));
    if (Math.fround(shortest) === single) return String(shortest);
  }
  return String(single);
}

/** A string token in single quotes, the project's quotes, escaped as CSS escapes. */
function quoted(text: string): string {
  return `'${text.replace(/[\\'\n]/g, (character) => (character === '\n' ? '\\a ' : `\\${character}`))}'`;
}
