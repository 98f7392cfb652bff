import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Writes a built site's files (by their path in the site) to `dir`, for tests of what reads a built site; returns `dir`. */
export function writeSiteFolder(dir: string, files: Readonly<Record<string, string>>): string {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

/** A built essay page as the search index reads it: its language, its title and one paragraph of text in its body. */
export const searchableEssay = (lang: string, title: string, text: string): string =>
  `<!DOCTYPE html><html lang="${lang}"><head><title>${title}</title></head><body><main><article data-pagefind-body><h1>${title}</h1><p>${text}</p></article></main></body></html>`;
