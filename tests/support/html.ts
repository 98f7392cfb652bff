import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';

/** Parses a built page (`''` for the home page, `essays/a/`, `404.html`) into a DOM document. */
export function readPage(distDir: string, page: string): Document {
  const file = page === '' || page.endsWith('/') ? join(distDir, page, 'index.html') : join(distDir, page);
  return parseHTML(readFileSync(file, 'utf8')).document as unknown as Document;
}

/** Text content with white space folded, as a reader would see it run together. */
export function normalisedText(node: Node | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * A URL with its fragment decoded, to compare with the id it leads to: a heading in another
 * script than Latin has its letters in its id, and percent-encoded in links to it (Pagefind's
 * results, the search page's): `/essays/a/#%D0%B2%D0%BE%D0%B4%D0%B0` → `/essays/a/#вода`.
 */
export function decodedFragment(url: string): string {
  const hash = url.indexOf('#');
  return hash === -1 ? url : `${url.slice(0, hash)}#${decodeURIComponent(url.slice(hash + 1))}`;
}

/** A page's inline code: its `<style>` texts and the texts of its `<script>`s that run (no src, not a data block). */
export function inlineCode(document: Document): { styles: string[]; scripts: string[] } {
  return {
    styles: [...document.querySelectorAll('style')].map((style) => style.textContent ?? ''),
    scripts: [...document.querySelectorAll('script:not([src]):not([type="application/ld+json"])')].map(
      (script) => script.textContent ?? '',
    ),
  };
}
