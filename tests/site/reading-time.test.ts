import { expect, test } from 'vitest';
import { countWords, readingMinutes } from '../../src/site/reading-time.ts';

test('reading time counts words of prose only, rounded, at least one minute', () => {
  expect(countWords('---\ntitle: x y z\n---\nimport A from "a";\n\n## Two words\n\nOne <A n={1}>two</A> three.')).toBe(5);
  expect(readingMinutes('word '.repeat(460))).toBe(2);
  expect(readingMinutes('')).toBe(1);
});
