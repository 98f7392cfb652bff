import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import {
  EPUBCHECK_MISSING_MESSAGE,
  findEpubcheck,
  formatEpubcheckMessages,
  parseEpubcheckReport,
  requireEpubcheck,
} from '../../scripts/lib/epubcheck.ts';

const scratch = mkdtempSync(join(tmpdir(), 'epubcheck-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A folder standing in for a PATH entry, with the given files (content, executable). */
function bin(name: string, files: Record<string, [string, boolean]>): string {
  const dir = join(scratch, name);
  mkdirSync(dir, { recursive: true });
  for (const [file, [content, executable]] of Object.entries(files)) {
    writeFileSync(join(dir, file), content);
    chmodSync(join(dir, file), executable ? 0o755 : 0o644);
  }
  return dir;
}

test('EPUBCHECK_JAR wins, run with the java on the PATH; a jar that is not there finds nothing rather than a guess', () => {
  const dir = bin('chosen', { 'epubcheck.jar': ['PK\u0003\u0004', false], java: ['#!/bin/sh\n', true] });
  expect(findEpubcheck({ EPUBCHECK_JAR: join(dir, 'epubcheck.jar'), PATH: dir })).toEqual({
    command: join(dir, 'java'),
    args: ['-jar', join(dir, 'epubcheck.jar')],
  });
  expect(findEpubcheck({ EPUBCHECK_JAR: join(dir, 'missing.jar'), PATH: dir })).toBeUndefined();
});

test('JAVA_HOME’s java comes before the PATH’s, and a jar without any Java is not enough', () => {
  const home = bin('java-home/bin', { java: ['#!/bin/sh\n', true] });
  const dir = bin('jar-only', { 'epubcheck.jar': ['PK\u0003\u0004', false] });
  expect(findEpubcheck({ EPUBCHECK_JAR: join(dir, 'epubcheck.jar'), JAVA_HOME: join(home, '..'), PATH: '' })?.command).toBe(
    join(home, 'java'),
  );
  expect(findEpubcheck({ EPUBCHECK_JAR: join(dir, 'epubcheck.jar'), PATH: dir })).toBeUndefined();
});

test('an epubcheck script on the PATH (as Homebrew installs it) runs as it is', () => {
  const dir = bin('script', { epubcheck: ['#!/bin/sh\nexec java -jar x.jar "$@"\n', true] });
  expect(findEpubcheck({ PATH: dir }, [])).toEqual({ command: join(dir, 'epubcheck'), args: [] });
  // A file called epubcheck that is neither a jar nor a script is not taken.
  expect(findEpubcheck({ PATH: bin('neither', { epubcheck: ['\u007fELF', true] }) }, [])).toBeUndefined();
});

test('Debian’s jar comes before a script on the PATH, when there is a Java to run it', () => {
  const debian = bin('usr-share-java', { 'epubcheck.jar': ['PK\u0003\u0004', false], java: ['#!/bin/sh\n', true] });
  const script = bin('script-2', { epubcheck: ['#!/bin/sh\n', true] });
  const jar = join(debian, 'epubcheck.jar');
  expect(findEpubcheck({ PATH: `${script}:${debian}` }, [jar])).toEqual({ command: join(debian, 'java'), args: ['-jar', jar] });
  expect(findEpubcheck({ PATH: script }, [jar])).toEqual({ command: join(script, 'epubcheck'), args: [] });
});

test('a missing epubcheck is an error that says exactly what to install', () => {
  expect(() => requireEpubcheck({ EPUBCHECK_JAR: join(scratch, 'nowhere.jar'), PATH: '' })).toThrow(EPUBCHECK_MISSING_MESSAGE);
  expect(EPUBCHECK_MISSING_MESSAGE).toContain('sudo apt-get install -y epubcheck default-jre-headless');
  expect(EPUBCHECK_MISSING_MESSAGE).toContain('EPUBCHECK_JAR');
});

test('the JSON report is read into one line per message, with where it is', () => {
  const report = JSON.stringify({
    messages: [
      {
        ID: 'RSC-005',
        severity: 'ERROR',
        message: 'Error while parsing file: element "x" not allowed here',
        locations: [{ path: 'EPUB/essay.xhtml', line: 3, column: 40 }],
      },
      { ID: 'HTM-022', severity: 'USAGE', message: 'Document may contain excessive DIV or SPAN tags.', locations: [] },
    ],
    checker: { nError: 1 },
  });
  const messages = parseEpubcheckReport(report);
  expect(messages.map((message) => [message.id, message.severity])).toEqual([
    ['RSC-005', 'ERROR'],
    ['HTM-022', 'USAGE'],
  ]);
  expect(formatEpubcheckMessages(messages)).toBe(
    'ERROR RSC-005 EPUB/essay.xhtml:3:40: Error while parsing file: element "x" not allowed here\nUSAGE HTM-022 : Document may contain excessive DIV or SPAN tags.',
  );
});
