import { expect, test } from 'vitest';
import { essaysDirFromEnv } from '../../src/lib/essays-dir.ts';

test('essays are read from content/essays unless ESSAYS_DIR says otherwise', () => {
  expect(essaysDirFromEnv({})).toBe('content/essays');
  expect(essaysDirFromEnv({ ESSAYS_DIR: 'tests/fixtures/x' })).toBe('tests/fixtures/x');
});
