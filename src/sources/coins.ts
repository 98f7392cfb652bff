/**
 * COinS (ContextObjects in Spans, https://en.wikipedia.org/wiki/COinS): each cited source as
 * an OpenURL ContextObject in the `title` of an empty `<span class="Z3988">`. It is the one
 * format Zotero's connector reads several items from on one page, so a reader can save every
 * source of an essay in one click; Highwire's `citation_*` tags describe one work (the essay
 * itself), and JSON-LD's `citation` is read by search engines, not by reference managers.
 */
import { cslDateText, type CslItem, type CslName } from './csl-item.ts';

/** The class Zotero and other COinS readers look for. */
export const COINS_CLASS = 'Z3988';

const JOURNAL_TYPES = new Set(['article-journal', 'article-magazine', 'article-newspaper', 'paper-conference']);
const BOOK_TYPES: Readonly<Record<string, string>> = { book: 'book', report: 'report', chapter: 'bookitem', thesis: 'document' };

/** A name as one string: "Family, Given", or an organisation's as written. */
function nameOf(name: CslName): string | undefined {
  if (name.literal) return name.literal;
  return [name.family, name.given].filter(Boolean).join(', ') || undefined;
}

/** The ContextObject of one source, as the `title` of its COinS span. */
export function coinsContext(item: CslItem): string {
  const fields: Array<[string, unknown]> = [['ctx_ver', 'Z39.88-2004']];
  const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : undefined);
  const authors = (item.author ?? []).flatMap((name) => nameOf(name) ?? []);
  if (item.DOI) fields.push(['rft_id', `info:doi/${item.DOI}`]);
  if (item.URL) fields.push(['rft_id', item.URL]);
  // OpenURL writes dates as ISO 8601 does.
  const date = cslDateText(item.issued);
  if (JOURNAL_TYPES.has(item.type)) {
    fields.push(
      ['rft_val_fmt', 'info:ofi/fmt:kev:mtx:journal'],
      ['rft.genre', item.type === 'paper-conference' ? 'proceeding' : 'article'],
      ['rft.atitle', item.title],
      ['rft.jtitle', item['container-title']],
      ['rft.volume', text(item['volume'])],
      ['rft.issue', text(item['issue'])],
      ['rft.pages', text(item['page'])],
    );
  } else if (item.type in BOOK_TYPES) {
    const chapter = item.type === 'chapter';
    fields.push(
      ['rft_val_fmt', 'info:ofi/fmt:kev:mtx:book'],
      ['rft.genre', BOOK_TYPES[item.type]],
      [chapter ? 'rft.atitle' : 'rft.btitle', item.title],
      ...(chapter ? ([['rft.btitle', item['container-title']]] as Array<[string, unknown]>) : []),
      ['rft.pub', item.publisher],
      ['rft.place', text(item['publisher-place'])],
      ['rft.pages', text(item['page'])],
    );
  } else {
    fields.push(
      ['rft_val_fmt', 'info:ofi/fmt:kev:mtx:dc'],
      ['rft.type', item.type],
      ['rft.title', item.title],
      ['rft.publisher', item.publisher],
    );
  }
  if (date) fields.push(['rft.date', date]);
  const dublinCore = !JOURNAL_TYPES.has(item.type) && !(item.type in BOOK_TYPES);
  for (const author of authors) fields.push([dublinCore ? 'rft.creator' : 'rft.au', author]);
  return fields
    .filter((field): field is [string, string] => typeof field[1] === 'string' && field[1] !== '')
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
    .join('&');
}
