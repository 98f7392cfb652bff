/**
 * A Pagefind excerpt as the search page shows it: plain text and marked words, never HTML,
 * without the heading the result already links, and with only the words searched for marked.
 */
import { unescapeText } from './pagefind-index.ts';

/** A run of excerpt text, marked when it is one of the words searched for. */
export interface ExcerptPart {
  text: string;
  marked: boolean;
}

/**
 * Splits a Pagefind excerpt into text and marked words. Pagefind escapes only `<` and `>`
 * in page text and wraps matches in `<mark>`, so nothing here is ever parsed as HTML.
 *
 * @example parseExcerpt('2,200 <mark>drones</mark> at') // [{ text: '2,200 ', marked: false }, { text: 'drones', marked: true }, { text: ' at', marked: false }]
 */
export function parseExcerpt(excerpt: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  excerpt.split(/(<mark>.*?<\/mark>)/s).forEach((piece) => {
    const marked = piece.startsWith('<mark>');
    const text = unescapeText(marked ? piece.slice('<mark>'.length, -'</mark>'.length) : piece);
    if (text !== '') parts.push({ text, marked });
  });
  return parts;
}

/**
 * An excerpt without the heading Pagefind puts at its start ("Heading. Text…", or
 * "Heading? Text…"), which the result already shows as the section's link. The heading's
 * words may be marked too, so it is cut across runs.
 */
export function withoutHeading(parts: ExcerptPart[], heading: string): ExcerptPart[] {
  const text = parts.map((part) => part.text).join('');
  // Pagefind ends the heading with a full stop unless it already ends in punctuation.
  const prefix = /[.?!:…]$/.test(heading) ? `${heading} ` : `${heading}. `;
  if (!text.startsWith(prefix)) return parts;
  let cut = prefix.length;
  const rest: ExcerptPart[] = [];
  for (const part of parts) {
    if (cut >= part.text.length) {
      cut -= part.text.length;
      continue;
    }
    rest.push(cut > 0 ? { text: part.text.slice(cut), marked: part.marked } : part);
    cut = 0;
  }
  return rest;
}

/** Unmarks the runs whose word is not one searched for, joining the text around them. */
export function markOnly(parts: ExcerptPart[], keep: (word: string) => boolean): ExcerptPart[] {
  const out: ExcerptPart[] = [];
  for (const part of parts) {
    const marked = part.marked && keep(part.text);
    const last = out[out.length - 1];
    if (!marked && last && !last.marked) last.text += part.text;
    else out.push({ text: part.text, marked });
  }
  return out;
}
