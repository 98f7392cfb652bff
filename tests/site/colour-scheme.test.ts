import { expect, test } from 'vitest';
import { SCHEME_CHOICES, SCHEME_NAME, parseSchemeChoice, readSchemeChoice, storeSchemeChoice } from '../../src/site/colour-scheme.ts';

/** A localStorage stand-in: a map, or one that throws on every use. */
function memoryStorage(entries: Record<string, string> = {}) {
  const items = new Map(Object.entries(entries));
  return {
    items,
    access: () => ({
      getItem: (key: string) => items.get(key) ?? null,
      setItem: (key: string, value: string) => void items.set(key, value),
    }),
  };
}
const denied = () => {
  throw new DOMException('The operation is insecure.', 'SecurityError');
};
const full = () => ({
  getItem: () => null,
  setItem: () => {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  },
});

test('the choices are light, dark and the system’s', () => {
  expect(SCHEME_CHOICES).toEqual(['light', 'dark', 'system']);
});

test('only light and dark are taken as they are; anything else is the system’s', () => {
  expect(parseSchemeChoice('light')).toBe('light');
  expect(parseSchemeChoice('dark')).toBe('dark');
  for (const value of ['system', null, undefined, '', 'Dark', ' dark', 'sepia', '{"scheme":"dark"}', 1, {}]) {
    expect(parseSchemeChoice(value), String(value)).toBe('system');
  }
});

test('the remembered choice is read from its key', () => {
  expect(readSchemeChoice(memoryStorage({ [SCHEME_NAME]: 'dark' }).access)).toBe('dark');
  expect(readSchemeChoice(memoryStorage({ [SCHEME_NAME]: 'light' }).access)).toBe('light');
  expect(readSchemeChoice(memoryStorage().access)).toBe('system');
  expect(readSchemeChoice(memoryStorage({ [SCHEME_NAME]: 'purple' }).access)).toBe('system');
});

test('storage that cannot be read is the system’s choice, not an error', () => {
  expect(readSchemeChoice(denied)).toBe('system');
  expect(
    readSchemeChoice(() => ({
      ...full(),
      getItem: () => {
        throw new Error('unavailable');
      },
    })),
  ).toBe('system');
});

test('each choice is remembered under its key, and read back as it was made', () => {
  const storage = memoryStorage({ other: 'kept' });
  for (const choice of SCHEME_CHOICES) {
    storeSchemeChoice(storage.access, choice);
    expect(storage.items.get(SCHEME_NAME)).toBe(choice);
    expect(readSchemeChoice(storage.access)).toBe(choice);
  }
  expect(storage.items.get('other')).toBe('kept');
});

test('storage that is denied or full keeps nothing, and throws nothing', () => {
  expect(() => storeSchemeChoice(denied, 'dark')).not.toThrow();
  expect(() => storeSchemeChoice(full, 'dark')).not.toThrow();
});
