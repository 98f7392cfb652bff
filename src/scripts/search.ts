/**
 * The search page's behaviour: shows the search form (the page without JavaScript offers
 * the list of essays instead), loads Pagefind only when the reader starts to search, and
 * renders the results as plain DOM. Every decision about wording and content is in
 * src/lib/search-results.ts; this file only wires it to the page.
 */
import {
  RESULTS_SHOWN,
  queryFromSearch,
  toSearchHit,
  type ExcerptPart,
  type PagefindResultData,
  type SearchHit,
  type PagefindLanguages,
  languagesToMerge,
} from '../lib/search-results.ts';
import { labelsFor } from '../lib/labels.ts';

// The page is in the site's language; its messages follow it.
const labels = labelsFor(document.documentElement.lang);

/** The part of Pagefind's JS API (`pagefind.js`) used here. */
interface Pagefind {
  options: (options: { basePath: string; baseUrl: string; excerptEllipsis: string }) => Promise<void>;
  init: () => Promise<void>;
  filters: () => Promise<unknown>;
  mergeIndex: (indexPath: string, options: { language: string; baseUrl: string; excerptEllipsis: string }) => Promise<void>;
  search: (query: string) => Promise<{ results: Array<{ data: () => Promise<PagefindResultData> }> }>;
}

/** Long enough not to search on every keystroke of a word, short enough to feel immediate. */
const TYPING_PAUSE_MS = 250;

const root = document.querySelector<HTMLElement>('[data-search]');
if (root) enhance(root);

function enhance(root: HTMLElement): void {
  const form = root.querySelector<HTMLFormElement>('[data-search-form]');
  const input = form?.querySelector<HTMLInputElement>('input[type="search"]');
  const status = root.querySelector<HTMLElement>('[data-search-status]');
  const list = root.querySelector<HTMLOListElement>('[data-search-results]');
  const { bundlePath, baseUrl } = root.dataset;
  if (!form || !input || !status || !list || !bundlePath || !baseUrl) return;

  let pagefind: Promise<Pagefind> | undefined;
  // Pagefind (its script, WebAssembly and index) is fetched once, on first use.
  const load = (): Promise<Pagefind> =>
    (pagefind ??= import(/* @vite-ignore */ `${bundlePath}pagefind.js`).then(async (module: Pagefind) => {
      // The bundle path is explicit: Pagefind's own guess assumes the site is served at the root.
      await module.options({ basePath: bundlePath, baseUrl, excerptEllipsis: '…' });
      await module.init();
      // Pagefind's mergeIndex waits, without end, for a WebAssembly that failed to load (as it
      // does under a Content-Security-Policy without wasm-unsafe-eval); asking the opened index
      // for its filters first turns that failure into an error the page can report.
      await module.filters();
      // Pagefind keeps one index per page language and opens one: the others are merged
      // in, so an essay in any language is found. The index path is absolute because
      // Pagefind declines to merge a path it takes for its own.
      const entry = (await fetch(`${bundlePath}pagefind-entry.json`).then((response) => response.json())) as {
        languages: PagefindLanguages;
      };
      for (const language of languagesToMerge(entry.languages, document.documentElement.lang)) {
        await module.mergeIndex(new URL(bundlePath, location.href).href, { language, baseUrl, excerptEllipsis: '…' });
      }
      return module;
    }));

  let latest = 0;
  let typing: ReturnType<typeof setTimeout> | undefined;

  const showResults = (hits: SearchHit[]): void => {
    list.replaceChildren(...hits.map(renderHit));
    list.hidden = hits.length === 0;
  };

  const run = async (query: string): Promise<void> => {
    clearTimeout(typing);
    const id = (latest += 1);
    rememberQuery(query);
    if (query === '') {
      showResults([]);
      status.textContent = '';
      return;
    }
    try {
      const search = await load().then((module) => module.search(query));
      const data = await Promise.all(search.results.slice(0, RESULTS_SHOWN).map((result) => result.data()));
      // A newer query has started while this one ran: its answer is no longer wanted.
      if (id !== latest) return;
      showResults(data.map((result) => toSearchHit(result, labels.searchOpening)));
      status.textContent = labels.searchResults(search.results.length, query, data.length);
    } catch (error) {
      if (id !== latest) return;
      showResults([]);
      status.textContent = labels.searchFailed;
      console.error('Search failed:', error);
    }
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run(input.value.trim());
  });
  input.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => void run(input.value.trim()), TYPING_PAUSE_MS);
  });
  // Start fetching as soon as the reader is in the field, so the first answer comes sooner.
  input.addEventListener('focus', () => void load().catch(() => undefined), { once: true });

  root.querySelector<HTMLElement>('[data-search-unavailable]')?.setAttribute('hidden', '');
  form.hidden = false;
  const initial = queryFromSearch(location.search);
  if (initial !== '') {
    input.value = initial;
    void run(initial);
  }
}

/** Keeps the query in the address, so Back from a result returns to the same results. */
function rememberQuery(query: string): void {
  const url = new URL(location.href);
  if (query === '') url.searchParams.delete('q');
  else url.searchParams.set('q', query);
  history.replaceState(history.state, '', url);
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  ...children: Array<Node | string>
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className !== '') node.className = className;
  node.append(...children);
  return node;
}

function link(href: string, text: string): HTMLAnchorElement {
  const anchor = document.createElement('a');
  anchor.href = href;
  anchor.textContent = text;
  return anchor;
}

function renderExcerpt(parts: ExcerptPart[]): Array<Node | string> {
  return parts.map((part) => (part.marked ? element('mark', '', part.text) : part.text));
}

function renderHit(hit: SearchHit): HTMLLIElement {
  const item = element('li', 'search-result', element('h2', 'search-result-title', link(hit.url, hit.title)));
  if (hit.standfirst) item.append(element('p', 'search-result-standfirst', hit.standfirst));
  const sections = hit.sections.map((section) =>
    element(
      'li',
      'search-result-section',
      link(section.url, section.label),
      element('p', 'search-result-excerpt', ...renderExcerpt(section.excerpt)),
    ),
  );
  const sectionList = element('ul', 'search-result-sections', ...sections);
  sectionList.setAttribute('aria-label', `Where in “${hit.title}”`);
  item.append(sectionList);
  return item;
}
