import { expect, test } from 'vitest';
import { shouldShowStandfirst } from '../../src/site/standfirst.ts';

test('the standfirst is shown unless the essay opens with the same words', () => {
  expect(shouldShowStandfirst('It begins.', 'It begins. Then more.\n\nNext.')).toBe(false);
  expect(shouldShowStandfirst('A summary.', 'The essay starts here.')).toBe(true);
  expect(shouldShowStandfirst('It *begins*.', 'import X from "x";\n\nIt begins. Then.')).toBe(false);
});
