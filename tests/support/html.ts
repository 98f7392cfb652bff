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
