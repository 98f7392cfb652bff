import { expect, test } from 'vitest';
import { checkEncoding, checkFileNames } from '../../../src/authoring/problems.ts';
import { fileNameProblem, firstInvalidUtf8 } from '../../../src/authoring/rules/files.ts';

const bytes = (text: string, ...extra: number[]) => new Uint8Array([...new TextEncoder().encode(text), ...extra]);

test('the first byte that is not UTF-8 is found with its line and column', () => {
  expect(firstInvalidUtf8(bytes('Grüße, 東京, 🙂\nok'))).toBeUndefined();
  expect(firstInvalidUtf8(bytes('line one\nThe caf', 0xe9, 0x20))).toEqual({ byte: 0xe9, line: 2, column: 8 });
  // Overlong forms, surrogates, bytes past U+10FFFF, and a sequence cut short are not UTF-8.
  expect(firstInvalidUtf8(new Uint8Array([0xc0, 0xaf]))?.byte).toBe(0xc0);
  expect(firstInvalidUtf8(new Uint8Array([0xed, 0xa0, 0x80]))?.byte).toBe(0xed);
  expect(firstInvalidUtf8(new Uint8Array([0xf4, 0x90, 0x80, 0x80]))?.byte).toBe(0xf4);
  expect(firstInvalidUtf8(new Uint8Array([0x41, 0xe2, 0x82]))).toEqual({ byte: 0xe2, line: 1, column: 2 });
});

test('a file that is not UTF-8 is reported at its first bad byte, with the fix', () => {
  expect(checkEncoding('content/essays/a.mdx', bytes('---\ntitle: Caf', 0xe9))).toEqual({
    file: 'content/essays/a.mdx',
    line: 2,
    column: 11,
    message: 'the file is not UTF-8: byte 0xE9 here cannot be read as text (in Latin-1 it is "é").',
    fix: 'save the file as UTF-8 (in most editors: "Save with Encoding", then UTF-8), and check the letters around this one.',
  });
  expect(checkEncoding('a.mdx', bytes('---\ntitle: Café'))).toBeUndefined();
});

test('a file name that makes no URL is an error whose fix names a file after the title', () => {
  expect(fileNameProblem('index.mdx', undefined, 'On Time')).toEqual({
    message: 'the file name "index.mdx" makes no URL: an essay is published at /essays/<its file name>/, and "index" is the folder itself.',
    fix: 'rename it after the essay, such as on-time.mdx, or give it a "slug: on-time" line in its frontmatter.',
  });
  expect(fileNameProblem('notes/!!!.mdx', undefined, 'Why Clocks Disagree')?.fix).toBe(
    'rename it after the essay, such as notes/why-clocks-disagree.mdx, or give it a "slug: why-clocks-disagree" line in its frontmatter.',
  );
  expect(fileNameProblem('index.mdx', 'on-time', 'On Time')).toBeUndefined();
  expect(fileNameProblem('notes/index.mdx', undefined, 'Notes')).toBeUndefined();
  expect(
    checkFileNames([
      { file: 'content/essays/index.mdx', relativePath: 'index.mdx', source: '---\ntitle: On Time\ndescription: D\n---\n' },
    ])[0],
  ).toMatchObject({ file: 'content/essays/index.mdx', line: 1 });
});
