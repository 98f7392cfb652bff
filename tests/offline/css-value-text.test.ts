import { transform, type TokenOrValue } from 'lightningcss';
import { expect, test } from 'vitest';
import { numberText, tokenListText, type ColourScheme } from '../../src/offline/css-value-text.ts';

/** The value of `--value: <css>` as lightningcss parses it. */
function parsed(css: string): TokenOrValue[] {
  let value: TokenOrValue[] = [];
  transform({
    filename: 'test.css',
    code: new TextEncoder().encode(`:root { --value: ${css}; }`),
    visitor: {
      Declaration: {
        custom: (declaration) => {
          value = declaration.value;
        },
      },
    },
  });
  return value;
}

const text = (css: string, scheme: ColourScheme = 'light') => tokenListText(parsed(css), scheme);

test('numbers read as written, though lightningcss keeps them in 32 bits', () => {
  expect(numberText(Math.fround(1.05))).toBe('1.05');
  expect(numberText(72)).toBe('72');
  expect(text('clamp(1.125rem, 1.05rem + 0.3vw, 1.25rem)')).toBe('clamp(1.125rem, 1.05rem + 0.3vw, 1.25rem)');
  expect(text('1.65')).toBe('1.65');
  expect(text('12.5% 10deg 2s 3dppx 4fr')).toBe('12.5% 10deg 2s 3dppx 4fr');
});

test('strings keep the project’s single quotes, escaped where needed', () => {
  expect(text(`Charter, 'Bitstream Charter', "It's", serif`)).toBe(`Charter, 'Bitstream Charter', 'It\\'s', serif`);
});

test('sRGB colours are six hex digits, translucent ones rgb(), light-dark() the scheme’s side', () => {
  expect(text('#EEE')).toBe('#eeeeee');
  expect(text('rgb(1 2 3 / 50%)')).toBe('rgb(1 2 3 / 0.502)');
  expect(text('light-dark(#fdfcfa, #15171a)', 'light')).toBe('#fdfcfa');
  expect(text('light-dark(#fdfcfa, #15171a)', 'dark')).toBe('#15171a');
  expect(text('light-dark(var(--a), #fff)', 'light')).toBe('var(--a)');
  expect(text('oklch(50% 0.1 30)')).toBe('oklch(0.5 0.1 30)');
  expect(text('color(display-p3 1 0 0.5)')).toBe('color(display-p3 1 0 0.5)');
  expect(text('currentcolor canvas')).toBe('currentcolor canvas');
});

test('var(), url() and blocks are printed back', () => {
  expect(text('var(--space-m, 1px)')).toBe('var(--space-m, 1px)');
  expect(text('url(a.png)')).toBe(`url('a.png')`);
  expect(text('calc(1px + (2px * 3)) [a]')).toBe('calc(1px + (2px * 3)) [a]');
});
