import { readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { DOMParser } from 'linkedom';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { LABEL_KEYS, labelsFor, primaryLanguage, type Labels } from '../../src/strings/labels.ts';
import { textDirection } from '../../src/strings/lang.ts';
import { listPages } from '../../src/publishing/pages.ts';
import { buildSite, type BuildResult } from '../support/build-site.ts';
import { readPage } from '../support/html.ts';

// Issue 23: an essay in a language the site has no interface strings for. What the site adds
// in English must say so (lang), keep its order in a right-to-left line (dir, isolated), and
// the build must name what is missing; a site can supply the strings, whole or in part.

const SCRIPTS = 'tests/fixtures/scripts';
/** The fixture essays, by slug, with their languages. */
const ESSAYS = { 'al-saat': 'ar', 'chronos-kai-roloi': 'el', 'tokei-to-jikan': 'ja' } as const;

/** Every phrase the site can add in a language: the fixed words around a worded label's values. */
function phrases(labels: Labels | object): string[] {
  return Object.values(labels).flatMap((label: unknown): string[] => {
    if (typeof label === 'string') return [label];
    if (typeof label === 'object' && label !== null) return phrases(label);
    if (typeof label !== 'function') return [];
    const sample = String((label as (...args: unknown[]) => string)(7, '§', 9));
    return sample.split(/[0-9§]+/).map((part) => part.replace(/^[\s,:]+|[\s,:]+$/g, ''));
  });
}

/** Our English phrases long enough not to be a word of another sentence by chance. */
const ENGLISH = [...new Set(phrases(labelsFor('en')).filter((phrase) => phrase.length > 3))];

function holdsPhrase(text: string, phrase: string): boolean {
  const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|\\P{L})${escaped}(\\P{L}|$)`, 'u').test(text);
}

const englishIn = (text: string) => ENGLISH.filter((phrase) => holdsPhrase(text, phrase));

/** The language an element's words are in: its own `lang`, or its nearest ancestor's. */
function languageOf(element: Element): { lang: string; marker: Element | null } {
  const marker = element.closest('[lang]');
  return { lang: marker?.getAttribute('lang') ?? '', marker };
}

/**
 * Why English words in `element` (its text, or a name in one of its attributes) are not
 * marked as English: not in an element with `lang="en"`, or, inside a page in another
 * language, not isolated (a `<bdi>` or an element with `dir`) or without `dir="ltr"` where the
 * words around them run right to left. Undefined when they are marked.
 */
function unmarked(element: Element, root: Element): string | undefined {
  const { lang, marker } = languageOf(element);
  if (primaryLanguage(lang) !== 'en') return `in lang="${lang}"`;
  if (!marker || marker === root) return undefined;
  const around = marker.parentElement ? languageOf(marker.parentElement).lang : lang;
  const isolated =
    marker.tagName.toLowerCase() === 'bdi' || marker.hasAttribute('dir') || ['header', 'footer'].includes(marker.tagName.toLowerCase());
  if (!isolated) return `lang="en" on <${marker.tagName.toLowerCase()}>, not isolated (no <bdi> or dir)`;
  if (textDirection(around) !== 'ltr' && marker.getAttribute('dir') !== 'ltr') return `lang="en" without dir="ltr" inside ${around}`;
  return undefined;
}

/**
 * Every interface string in English in `document` that is not marked as such, with where it
 * is: text, and the accessible names in attributes (aria-label, title, alt, placeholder) and
 * in the elements aria-labelledby points to.
 */
function unmarkedEnglish(document: Document, scope = 'body'): string[] {
  const root = document.documentElement;
  const problems: string[] = [];
  const check = (element: Element, words: string, where: string) => {
    const found = englishIn(words);
    if (found.length === 0) return;
    const why = unmarked(element, root);
    if (why) problems.push(`${where} “${found.join('”, “')}”: ${why}`);
  };
  const top = document.querySelector(scope);
  if (!top) throw new Error(`No ${scope} in the document.`);
  for (const element of [top, ...top.querySelectorAll('*')]) {
    const tag = element.tagName.toLowerCase();
    if (tag === 'script' || tag === 'style') continue;
    for (const node of element.childNodes) if (node.nodeType === 3) check(element, node.textContent ?? '', `<${tag}> text`);
    for (const attribute of ['aria-label', 'title', 'alt', 'placeholder']) {
      const value = element.getAttribute(attribute);
      if (value) check(element, value, `<${tag} ${attribute}>`);
    }
    for (const id of (element.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean)) {
      const target = document.getElementById(id);
      if (!target) {
        problems.push(`<${tag} aria-labelledby="${id}">: no such element`);
        continue;
      }
      for (const part of [target, ...target.querySelectorAll('*')])
        for (const node of part.childNodes)
          if (node.nodeType === 3) check(part, node.textContent ?? '', `<${tag}>'s aria-labelledby target #${id}`);
    }
  }
  return problems;
}

/** An essay's three documents: its page, its EPUB's content and navigation documents, and its single-file copy. */
function essayDocuments(outDir: string, slug: string): Array<[string, Document]> {
  const epub = unzipSync(readFileSync(join(outDir, 'essays', slug, `${slug}.epub`)));
  const xhtml = (path: string) => {
    const file = epub[path];
    if (!file) throw new Error(`The EPUB of ${slug} has no ${path}.`);
    return new DOMParser().parseFromString(strFromU8(file), 'text/xml') as unknown as Document;
  };
  return [
    [`${slug}: page`, readPage(outDir, `essays/${slug}/`)],
    [`${slug}: EPUB content`, xhtml('EPUB/essay.xhtml')],
    [`${slug}: EPUB navigation`, xhtml('EPUB/nav.xhtml')],
    [`${slug}: single-file copy`, readPage(outDir, `essays/${slug}/${slug}.html`)],
  ];
}

function build(config?: string, env: Record<string, string> = {}): BuildResult {
  const result = buildSite({ ESSAYS_DIR: SCRIPTS, ...env }, config ? { config } : {});
  if (result.status !== 0) throw new Error(result.output);
  return result;
}

describe('a site with no interface strings for Arabic, Greek or Japanese', () => {
  let site: BuildResult;
  beforeAll(() => {
    site = build();
  });
  afterAll(() => rmSync(dirname(site.outDir), { recursive: true, force: true }));

  test.each(Object.entries(ESSAYS))('%s (%s): every English string is marked, in the page, the EPUB and the single-file copy', (slug) => {
    for (const [name, document] of essayDocuments(site.outDir, slug)) {
      const text = document.querySelector('body')?.textContent ?? '';
      // The fallbacks are there to be checked: the page would pass with no words of ours at all.
      for (const phrase of ['Scenario', 'Notes', ...(name.endsWith('page') ? ['min read', 'Contents'] : [])])
        expect(text, name).toContain(phrase);
      expect(unmarkedEnglish(document), name).toEqual([]);
    }
  });

  test('the checks fail on an English string left unmarked, in text and in a name', () => {
    const document = readPage(site.outDir, 'essays/al-saat/');
    document.querySelector('.byline-details bdi')?.removeAttribute('lang');
    document.querySelector('.sidenote-close')?.removeAttribute('lang');
    document.querySelector('.scenario-number bdi')?.removeAttribute('dir');
    expect(unmarkedEnglish(document).sort()).toEqual([
      '<bdi> text “Scenario”: lang="en" without dir="ltr" inside ar',
      '<bdi> text “min read”: in lang="ar"',
      '<button aria-label> “Close note”: in lang="ar"',
    ]);
    // And in the EPUB’s XHTML, read as XML.
    const [, epub] = essayDocuments(site.outDir, 'al-saat')[1] ?? [];
    epub?.querySelector('.scenario-number bdi')?.removeAttribute('lang');
    expect(epub && unmarkedEnglish(epub)).toEqual(['<bdi> text “Scenario”: in lang="ar"']);
  });

  test('on the right-to-left page, a fallback phrase and its number are one isolated left-to-right run', () => {
    const document = readPage(site.outDir, 'essays/al-saat/');
    expect(document.documentElement.getAttribute('dir')).toBe('rtl');
    const minutes = document.querySelector('.byline-details bdi');
    expect(minutes?.outerHTML).toMatch(/^<bdi lang="en" dir="ltr">\d+ min read<\/bdi>$/);
    // "Contents, 2 sections", both in English: one run, so a right-to-left line cannot reorder the two.
    const contents = document.querySelector('.toc summary > bdi');
    expect(contents?.outerHTML).toBe('<bdi lang="en" dir="ltr">Contents<span class="toc-count">, 2 sections</span></bdi>');
    const reference = document.querySelector('.scenario-ref');
    expect([reference?.getAttribute('lang'), reference?.getAttribute('dir'), reference?.textContent]).toEqual(['en', 'ltr', 'Scenario 2']);
    // A name from an attribute: the element it names holds only the numeral, and carries the name's language.
    const link = document.querySelector('.note-ref-needed .note-link');
    expect([link?.getAttribute('aria-label'), link?.getAttribute('lang'), link?.getAttribute('dir')]).toEqual([
      'Note 3, source needed',
      'en',
      'ltr',
    ]);
  });

  test('the site’s header and footer, in English on a right-to-left page, carry lang and dir', () => {
    const document = readPage(site.outDir, 'essays/al-saat/');
    for (const selector of ['body > header', 'body > footer']) {
      const element = document.querySelector(selector);
      expect([element?.getAttribute('lang'), element?.getAttribute('dir')], selector).toEqual(['en', 'ltr']);
    }
  });

  test('the build log names, for each language, the strings it lacks and how to supply them, and which languages search stems', () => {
    for (const lang of Object.values(ESSAYS)) {
      expect(site.output).toContain(
        `Strings in ${lang}: all ${LABEL_KEYS.length} interface strings missing, shown in English and marked lang="en". Supply them in a module: essayPress({ strings: { ${lang}: './src/strings/${lang}.ts' } }), its default export defineLabels({ … }) (docs/strings.md).`,
      );
    }
    expect(site.output).not.toMatch(/Strings in en/);
    expect(site.output).toContain(
      'Search languages: stemmed ar, el; without stemming ja: there a search finds a word only as it is written, not its other forms.',
    );
  });
});

describe('a site that supplies Arabic whole (tests/fixtures/strings/ar.ts)', () => {
  let site: BuildResult;
  beforeAll(() => {
    site = build('tests/fixtures/strings/full.config.mjs');
  });
  afterAll(() => rmSync(dirname(site.outDir), { recursive: true, force: true }));

  test('the Arabic essay shows no fallback: no English of ours and nothing marked, in the page, the EPUB and the single-file copy', () => {
    for (const [name, document] of essayDocuments(site.outDir, 'al-saat')) {
      const article = document.querySelector('article') ?? document.querySelector('body');
      expect(englishIn(article?.textContent ?? ''), name).toEqual([]);
      expect(article?.querySelectorAll('[lang], bdi').length, name).toBe(0);
    }
    const page = readPage(site.outDir, 'essays/al-saat/');
    expect(page.querySelector('.byline-details')?.textContent).toBe('1 دقيقة للقراءة');
    expect(page.querySelector('.note-link')?.getAttribute('aria-label')).toBe('حاشية 1');
    expect(page.querySelector('.skip-link')?.textContent?.trim()).toBe('انتقل إلى المحتوى');
  });

  test('the build log has no line for Arabic, and still one for Greek and Japanese', () => {
    expect(site.output).not.toMatch(/Strings in ar/);
    expect(site.output).toMatch(/Strings in el: all/);
    expect(site.output).toMatch(/Strings in ja: all/);
  });
});

describe('a site that supplies some Arabic labels and one Greek word', () => {
  let site: BuildResult;
  beforeAll(() => {
    site = build('tests/fixtures/strings/partial.config.mjs');
  });
  afterAll(() => rmSync(dirname(site.outDir), { recursive: true, force: true }));

  test('only what is missing is marked, and every English string is', () => {
    for (const slug of Object.keys(ESSAYS))
      for (const [name, document] of essayDocuments(site.outDir, slug)) expect(unmarkedEnglish(document), name).toEqual([]);
    const page = readPage(site.outDir, 'essays/al-saat/');
    // Supplied: in Arabic, unmarked.
    expect(page.querySelector('#toc-label')?.firstChild?.textContent).toBe('المحتويات');
    expect(page.querySelector('.byline-details')?.innerHTML).toBe('1 د للقراءة');
    const link = page.querySelector('.note-link');
    expect([link?.getAttribute('aria-label'), link?.hasAttribute('lang')]).toEqual(['حاشية 1', false]);
    // Missing: in English, marked.
    expect(page.querySelector('.toc-count bdi')?.outerHTML).toBe('<bdi lang="en" dir="ltr">2 sections</bdi>');
    expect(page.querySelector('.sidenote-close')?.getAttribute('lang')).toBe('en');
    expect(page.querySelector('.scenario-number bdi')?.textContent).toBe('Scenario 1');
    // The Greek word from the options, unmarked; the rest of Greek marked.
    const greek = readPage(site.outDir, 'essays/chronos-kai-roloi/');
    expect(greek.querySelector('.downloads')?.firstChild?.textContent).toBe('Ανάγνωση εκτός σύνδεσης: ');
    expect(greek.querySelector('.byline-details bdi')?.getAttribute('lang')).toBe('en');
  });

  test('the build log names what each language still lacks', () => {
    const arabic = /Strings in ar: (\d+) of (\d+) interface strings \(([^)]*)\) missing/.exec(site.output);
    expect(arabic?.slice(1, 3)).toEqual([String(LABEL_KEYS.length - 4), String(LABEL_KEYS.length)]);
    expect(arabic?.[3]?.split(', ')).toEqual(LABEL_KEYS.filter((key) => !['contents', 'notes', 'note', 'minutesRead'].includes(key)));
    const greek = /Strings in el: (\d+) of \d+ interface strings \(([^)]*)\) missing/.exec(site.output);
    expect(greek?.[1]).toBe(String(LABEL_KEYS.length - 1));
    expect(greek?.[2]?.split(', ')).not.toContain('readOffline');
  });
});

describe('a site in Arabic (SITE_LANG=ar) with no Arabic strings', () => {
  let site: BuildResult;
  beforeAll(() => {
    site = build(undefined, { SITE_LANG: 'ar' });
  });
  afterAll(() => rmSync(dirname(site.outDir), { recursive: true, force: true }));

  test('every page of the site, its own pages as well as the essays, marks every English string it shows', () => {
    const pages = listPages(site.outDir);
    expect(pages).toEqual(expect.arrayContaining(['', 'search/', '404.html', 'accessibility/']));
    for (const page of pages) {
      const document = readPage(site.outDir, page);
      expect(document.documentElement.getAttribute('lang'), page).toMatch(/^(ar|el|ja)$/);
      expect(unmarkedEnglish(document), page).toEqual([]);
    }
    // And the copies: the single-file copy's footer is in the site's language, here English, marked.
    for (const slug of Object.keys(ESSAYS))
      for (const [name, document] of essayDocuments(site.outDir, slug)) expect(unmarkedEnglish(document), name).toEqual([]);
    // The header of an essay in a left-to-right language is in the site's right-to-left one.
    const greek = readPage(site.outDir, 'essays/chronos-kai-roloi/').querySelector('body > header');
    expect([greek?.getAttribute('lang'), greek?.getAttribute('dir')]).toEqual(['ar', 'rtl']);
  });

  test('the build log names Arabic once, for the site and its essay alike', () => {
    expect(site.output.match(/Strings in ar:/g)).toHaveLength(1);
  });
});
