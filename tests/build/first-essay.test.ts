import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, inject, test, expect } from 'vitest';
import { readPage, normalisedText } from '../support/html.ts';
import { ROOT } from '../support/build-site.ts';

const SLUG = 'trumps-envoy-third-meeting-with-putin';
const COMMENT_FORM = 'LEAVE A REPLY';

/**
 * These tests are about one essay, the author's first (tests/fixtures/first-essay-source.txt),
 * published word for word as the sample in content/essays/. A site that has replaced or removed
 * it skips them; every other test reads whatever essays the site has.
 */
const published = existsSync(join(inject('siteDir'), 'essays', SLUG, 'index.html'));

/**
 * The author's text as published: every paragraph, heading and list item of the source,
 * in order, up to the scraped comment form. A scenario line ("1. Status Quo: Until …")
 * is split into its title and its text, which the page may set apart.
 */
function sourcePassages(): string[] {
  const source = readFileSync(join(ROOT, 'tests/fixtures/first-essay-source.txt'), 'utf8');
  const lines = source.split('\n').map((line) => line.trim());
  const end = lines.indexOf(COMMENT_FORM);
  return lines
    .slice(1, end) // the first line is the title
    .filter((line) => line !== '')
    .flatMap((line) => {
      const item = /^\d+\.\s+([^:]+):\s+(.*)$/.exec(line);
      return item ? [item[1] ?? '', item[2] ?? ''] : [line];
    })
    .map((line) => line.replace(/\s+/g, ' '));
}

/** The essay's reading text: the article minus notes' markers, sidenotes and navigation aids. */
function articleText(): string {
  const document = readPage(inject('siteDir'), `essays/${SLUG}/`);
  const article = document.querySelector('article');
  article?.querySelectorAll('[data-reading-aid], .note-ref, nav, [role="doc-endnotes"]').forEach((aid) => aid.remove());
  return normalisedText(article);
}

describe.skipIf(!published)(
  published ? `the first essay (${SLUG})` : `the first essay (skipped: ${SLUG} is not in this site, replaced or removed)`,
  () => {
    test('every passage of the source appears in the essay page, in order', () => {
      const text = articleText();
      let cursor = 0;
      for (const passage of sourcePassages()) {
        const at = text.indexOf(passage, cursor);
        expect(at, `missing or out of order: "${passage.slice(0, 60)}…"`).toBeGreaterThanOrEqual(cursor);
        cursor = at + passage.length;
      }
    });

    test('the scraped comment form is not published', () => {
      const text = normalisedText(readPage(inject('siteDir'), `essays/${SLUG}/`).body);
      expect(text).not.toContain(COMMENT_FORM);
      expect(text).not.toContain('Please enter your comment');
      expect(text).not.toContain('Please enter your name here');
    });

    test('the title is the only h1 and the six section titles are h2, in order', () => {
      const document = readPage(inject('siteDir'), `essays/${SLUG}/`);
      expect([...document.querySelectorAll('h1')].map(normalisedText)).toEqual([
        'Trump’s Envoy Third Meeting with Putin: Ukraine Negotiations at Critical Juncture',
      ]);
      const sections = [...document.querySelectorAll('article h2')].map(normalisedText);
      expect(sections.slice(0, 6)).toEqual([
        'The “Parallel Diplomacy” of Trump’s Team',
        'The Kremlin’s “Two-Track Strategy”',
        'Ukraine’s Dilemma and Choices',
        'Policy Struggles Within America',
        'Looking Ahead: Pathways to Peace?',
        'Personal Perspective: Peace Requires Mutual Compromise',
      ]);
    });

    test('nothing is invented: no author, no date', () => {
      const document = readPage(inject('siteDir'), `essays/${SLUG}/`);
      expect(document.querySelector('article time')).toBeNull();
      expect(normalisedText(document.querySelector('article header'))).not.toMatch(/\bBy\b/);
    });
  },
);
