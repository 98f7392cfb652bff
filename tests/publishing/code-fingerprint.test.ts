import { expect, test } from 'vitest';
import { codeFingerprint } from '../../src/publishing/code-fingerprint.ts';

test('the code fingerprint is stable within a process', () => {
  expect(codeFingerprint()).toMatch(/^[0-9a-f]{64}$/);
  expect(codeFingerprint()).toBe(codeFingerprint());
});
