import { existsSync } from 'node:fs';
import { expect, test } from 'vitest';
import {
  JAVA_MISSING_MESSAGE,
  VNU_JAR,
  findHtmlValidator,
  formatHtmlMessages,
  parseVnuReport,
  requireHtmlValidator,
} from '../../scripts/lib/html-validator.ts';

test('the checker is the vnu-jar package’s jar, run by the Java that runs epubcheck, allowed to read pages from 127.0.0.1', () => {
  expect(existsSync(VNU_JAR)).toBe(true);
  const found = findHtmlValidator({ PATH: '/nowhere', JAVA_HOME: undefined });
  expect(found).toBeUndefined();
  expect(() => requireHtmlValidator({ PATH: '/nowhere' })).toThrow(JAVA_MISSING_MESSAGE);
  expect(JAVA_MISSING_MESSAGE).toContain('sudo apt-get install -y default-jre-headless');
});

test('a report’s messages: errors (fatal ones and unreadable documents too), warnings, and the markup each points at', () => {
  const report = JSON.stringify({
    messages: [
      {
        type: 'error',
        url: 'http://127.0.0.1:1/a/',
        lastLine: 3,
        firstColumn: 5,
        lastColumn: 9,
        message: 'Duplicate ID “x”.',
        extract: 'ab<p id="x">cd',
        hiliteStart: 2,
        hiliteLength: 10,
      },
      {
        type: 'error',
        subType: 'fatal',
        url: 'http://127.0.0.1:1/a/',
        firstLine: 4,
        lastLine: 5,
        lastColumn: 2,
        message: 'Cannot recover after last error.',
      },
      { type: 'non-document-error', subType: 'io', url: 'http://127.0.0.1:1/b/', message: 'HTTP resource not retrievable.' },
      {
        type: 'info',
        subType: 'warning',
        url: 'http://127.0.0.1:1/a/',
        lastLine: 1,
        lastColumn: 1,
        message: 'Consider adding a “lang” attribute.',
      },
      { type: 'info', url: 'http://127.0.0.1:1/a/', lastLine: 1, lastColumn: 1, message: 'Trailing slash on void elements has no effect.' },
    ],
  });
  const messages = parseVnuReport(report);
  expect(messages.map((message) => [message.severity, message.line, message.column, message.markup])).toEqual([
    ['error', 3, 5, '<p id="x">'],
    ['error', 4, 2, undefined],
    ['error', undefined, undefined, undefined],
    ['warning', 1, 1, undefined],
    ['info', 1, 1, undefined],
  ]);
  const [first, , unreadable] = messages.map((message) => ({
    ...message,
    site: 'root',
    file: message.url.endsWith('/a/') ? 'a/index.html' : 'b/index.html',
  }));
  expect(formatHtmlMessages([first!, unreadable!])).toBe(
    'root: a/index.html:3:5: error: Duplicate ID “x”.\n    ab<p id="x">cd\nroot: b/index.html: error: HTTP resource not retrievable.',
  );
});
