import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { listPages } from '../../src/publishing/pages.ts';
import { labelsFor, type Labels } from '../../src/strings/labels.ts';
import { buildSite, type BuildResult } from '../support/build-site.ts';
import { readPage } from '../support/html.ts';

/** Every phrase the site can add to a page in a language, with sample values for the worded ones (groups such as the statement's included). */
function phrases(labels: Labels | object): string[] {
  return Object.values(labels).flatMap((label: unknown): string[] => {
    if (typeof label === 'string') return [label];
    if (typeof label === 'object' && label !== null) return phrases(label);
    if (typeof label !== 'function') return [];
    // The fixed words around a value: "Back to reference" of "Back to reference 3".
    const sample = String((label as (...args: unknown[]) => string)(7, '§', 9));
    return sample.split(/[0-9§]+/).map((part) => part.trim());
  });
}

/** English phrases that German does not share (some words are the same in both). */
const german = new Set(phrases(labelsFor('de')));
const english = phrases(labelsFor('en')).filter((phrase) => phrase.length > 3 && !german.has(phrase));

/** Whether `text` holds `phrase` as whole words: "Table" is not in "Tableau". */
function holdsPhrase(text: string, phrase: string): boolean {
  const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|\\P{L})${escaped}(\\P{L}|$)`, 'u').test(text);
}

/** The words a reader meets: text, and the accessible names and descriptions in attributes. */
function wordsInLanguage(document: Document, lang: string): string[] {
  const inLanguage = (element: Element | null) => (element?.closest('[lang]')?.getAttribute('lang') ?? '').split('-')[0] === lang;
  const words: string[] = [];
  for (const element of document.querySelectorAll('body *, title, meta[name="description"]')) {
    if (!inLanguage(element) || element.matches('script, style')) continue;
    for (const node of element.childNodes) if (node.nodeType === 3) words.push(node.textContent ?? '');
    for (const attribute of ['aria-label', 'alt', 'title', 'content', 'placeholder']) {
      const value = element.getAttribute(attribute);
      if (value) words.push(value);
    }
  }
  return words;
}

describe('a German site (SITE_LANG=de) with a German essay', () => {
  let build: BuildResult;
  beforeAll(() => {
    build = buildSite({ ESSAYS_DIR: 'tests/fixtures/i18n', SITE_LANG: 'de' });
    if (build.status !== 0) throw new Error(build.output);
  });
  afterAll(() => rmSync(dirname(build.outDir), { recursive: true, force: true }));

  test('no page has an English word that the site wrote', () => {
    expect(english.length).toBeGreaterThan(20);
    for (const page of listPages(build.outDir)) {
      const document = readPage(build.outDir, page);
      expect(document.documentElement.getAttribute('lang'), page).toBe('de');
      const text = wordsInLanguage(document, 'de').join('\n');
      for (const phrase of english) expect(holdsPhrase(text, phrase), `${page}: “${phrase}”`).toBe(false);
    }
  });

  test('the essay says who wrote it, when, and how long it takes, in German', () => {
    const meta = readPage(build.outDir, 'essays/ueber-die-zeit/').querySelector('.essay-header .byline')?.textContent ?? '';
    expect(meta).toMatch(/Von Erika Beispiel und Max Muster/);
    expect(meta).toMatch(/Aktualisiert am 15\. April 2025/);
    expect(meta).toMatch(/\d+ Min\. Lesezeit/);
  });
});

test('an essay in another language than the site marks the site’s header and footer with the site’s language', () => {
  const siteDir = inject('componentsSiteDir');
  const french = listPages(siteDir)
    .map((page) => readPage(siteDir, page))
    .find((document) => document.documentElement.getAttribute('lang') === 'fr');
  expect(french).toBeDefined();
  const document = french as Document;
  expect(document.querySelector('body > header')?.getAttribute('lang')).toBe('en');
  expect(document.querySelector('body > footer')?.getAttribute('lang')).toBe('en');
  expect(document.querySelector('.skip-link')?.textContent).toBe(labelsFor('fr').skipToContent);
  for (const phrase of english.filter((phrase) => !phrases(labelsFor('fr')).includes(phrase))) {
    expect(holdsPhrase(wordsInLanguage(document, 'fr').join('\n'), phrase), phrase).toBe(false);
  }
});
