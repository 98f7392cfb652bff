/**
 * The search page's behaviour: shows the search form (the page without JavaScript offers
 * the list of essays instead), loads Pagefind when the reader starts to search, runs each
 * query as soon as it is typed, and renders the results as plain DOM. Every decision about
 * wording, matching and content is in the modules of src/search/ (results.ts, search-hit.ts,
 * word-match.ts, excerpt.ts, search-input.ts); this file only wires them to the page.
 */
import type { ExcerptPart } from '../excerpt.ts';
import type { PagefindResultData } from '../pagefind-index.ts';
import { RESULTS_SHOWN, resultsToLoad, searchOutcome, searchStatus } from '../results.ts';
import type { SearchHit } from '../search-hit.ts';
import { SEARCH_SHORTCUT, isSearchShortcut, queryFromSearch } from '../search-input.ts';
import { queryFor } from '../word-match.ts';
import siteLabels from 'virtual:essay-press/strings';
import { resolveLabels, type LabelKey } from '../../strings/labels.ts';
import { languageMark } from '../../strings/marking.ts';
import { savedEssays } from '../../offline/browser/saved-essays.ts';
import { NETWORK_CHECK } from '../../offline/offline-routes.ts';

// The page is in the site's language; its messages follow it (in the browser, the built-in
// labels only: src/config/virtual-modules.ts), marked where the language lacks them.
const pageLang = document.documentElement.lang;
const { labels, langOf } = resolveLabels(pageLang, siteLabels);

/**
 * Gives `element` the lang and dir of the label it holds where the page's language lacks it
 * (shown in English), and takes them away where it does not: as the pages the build writes.
 */
function markAs(element: HTMLElement, key: LabelKey): void {
  const mark = languageMark(langOf(key), pageLang);
  if (mark) {
    element.lang = mark.lang;
    element.dir = mark.dir;
  } else {
    element.removeAttribute('lang');
    element.removeAttribute('dir');
  }
}

/** One search index, opened by Pagefind's JS API (the `pagefind.js` of its folder). */
interface PagefindInstance {
  preload: (term: string) => Promise<void>;
  search: (term: string) => Promise<{ results: Array<{ score: number; data: () => Promise<PagefindResultData> }> } | null>;
}

interface PagefindModule {
  createInstance: (options: { basePath: string; baseUrl: string; excerptEllipsis: string; noWorker: boolean }) => PagefindInstance;
}

const root = document.querySelector<HTMLElement>('[data-search]');
if (root) enhance(root);

function enhance(root: HTMLElement): void {
  const form = root.querySelector<HTMLFormElement>('[data-search-form]');
  const input = form?.querySelector<HTMLInputElement>('input[type="search"]');
  const status = root.querySelector<HTMLElement>('[data-search-status]');
  const list = root.querySelector<HTMLOListElement>('[data-search-results]');
  const { bundlePath, baseUrl, languages = '' } = root.dataset;
  if (!form || !input || !status || !list || bundlePath === undefined || baseUrl === undefined) return;

  let indexes: Promise<Array<{ language: string; pagefind: PagefindInstance }>> | undefined;
  // Each language's index is its own Pagefind, with its own stemming (searched from an index
  // merged into another, it would take that one's). Their scripts, WebAssembly and metadata
  // are fetched once, in parallel, on first use; search runs on the page's thread, so no
  // worker script is fetched as well.
  const load = () =>
    (indexes ??= Promise.all(
      languages
        .split(' ')
        .filter((language) => language !== '')
        .map(async (language) => {
          // The folder is explicit: Pagefind's own guess assumes the site is served at the root.
          const basePath = `${bundlePath}${language}/`;
          const module = (await import(/* @vite-ignore */ `${basePath}pagefind.js`)) as PagefindModule;
          const pagefind = module.createInstance({ basePath, baseUrl, excerptEllipsis: '…', noWorker: true });
          // Resolves once the index can be searched, and fails if its WebAssembly could not
          // load (as under a Content-Security-Policy without wasm-unsafe-eval).
          await pagefind.preload('');
          return { language, pagefind };
        }),
    ));

  const showResults = (hits: SearchHit[]): void => {
    list.replaceChildren(...hits.map(renderHit));
    list.hidden = hits.length === 0;
  };

  // One query runs at a time; while it runs, the latest one typed waits, and an answer
  // overtaken by a newer query is never shown.
  let waiting: string | undefined;
  let running = false;
  // A search sent from another page (the header's field, ?q=…) arrives with focus nowhere
  // (on the body): its first answer takes focus, so a screen reader reads what was found
  // and the next Tab goes on to the results. Not when the reader has moved on meanwhile.
  let focusAnswer = false;
  // The status says one label's sentence (with the offline scope's before it, in the same language when the site gives them).
  const answer = (text: string, key: LabelKey = 'searchResults'): void => {
    status.textContent = text;
    markAs(status, key);
    if (focusAnswer && text !== '' && (document.activeElement === document.body || document.activeElement === null)) status.focus();
    focusAnswer = false;
  };

  const run = async (query: string): Promise<void> => {
    rememberQuery(query);
    if (query === '') {
      showResults([]);
      answer('');
      return;
    }
    try {
      const opened = await load();
      // With no network, search covers the essays saved on this device, and says so: the
      // index's chunks and the essays' fragments are there only for those (the service
      // worker keeps what search fetched while online, and all of them in a saved site).
      // Offline is a site that does not answer, or a search that could not fetch what it needed.
      const savedHere = () => savedEssays(new URL(baseUrl, location.href).href);
      let saved = (await reachable(baseUrl)) ? undefined : await savedHere();
      let found: Awaited<ReturnType<typeof rankAndLoad>>;
      try {
        found = await rankAndLoad(opened, query, saved);
      } catch (error) {
        if (saved) throw error;
        saved = await savedHere();
        found = await rankAndLoad(opened, query, saved);
      }
      const { ranked, data } = found;
      if (waiting !== undefined) return;
      const outcome = searchOutcome(
        ranked.map(({ language }, position) => ({ language, data: data[position] })),
        labels.searchOpening,
        query,
      );
      showResults(outcome.hits);
      const sentence = searchStatus(labels, outcome, query);
      answer(saved ? `${labels.searchOfflineScope(saved.size)} ${sentence}` : sentence);
    } catch (error) {
      if (waiting !== undefined) return;
      showResults([]);
      answer(labels.searchFailed, 'searchFailed');
      console.error('Search failed:', error);
    }
  };

  const request = (query: string): void => {
    waiting = query;
    if (running) return;
    running = true;
    void (async () => {
      while (waiting !== undefined) {
        const next = waiting;
        waiting = undefined;
        await run(next);
      }
      running = false;
    })();
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    request(input.value.trim());
  });
  input.addEventListener('input', () => request(input.value.trim()));
  // Start fetching as soon as the reader is in the field, so the first answer comes sooner.
  input.addEventListener('focus', () => void load().catch(() => undefined), { once: true });

  // `/` anywhere on the page, outside a field, returns to the search field.
  input.setAttribute('aria-keyshortcuts', SEARCH_SHORTCUT);
  document.addEventListener('keydown', (event) => {
    if (!isSearchShortcut(event, isTyping(event.target))) return;
    event.preventDefault();
    input.focus();
    input.select();
  });

  root.querySelector<HTMLElement>('[data-search-unavailable]')?.setAttribute('hidden', '');
  form.hidden = false;
  const initial = queryFromSearch(location.search);
  if (initial !== '') {
    input.value = initial;
    focusAnswer = true;
    request(initial);
  }
}

/**
 * The results of every language's index for `query`, best first, with the text of those to
 * list. Given the essays `saved` on this device (offline), every result's text is loaded from
 * the device (a fragment not saved fails at once) and only the saved essays are kept.
 */
async function rankAndLoad(
  opened: ReadonlyArray<{ language: string; pagefind: PagefindInstance }>,
  query: string,
  saved: ReadonlySet<string> | undefined,
): Promise<{ ranked: Array<{ language: string }>; data: Array<PagefindResultData | undefined> }> {
  const searches = await Promise.all(
    opened.map(({ language, pagefind }) => {
      const search = pagefind.search(queryFor(language, query));
      return saved ? search.catch(() => null) : search;
    }),
  );
  const ranked = searches
    .flatMap((search, index) => (search?.results ?? []).map((result) => ({ language: opened[index]?.language ?? '', result })))
    .sort((a, b) => b.result.score - a.result.score);
  if (!saved) {
    const loading = resultsToLoad(ranked, RESULTS_SHOWN);
    return { ranked, data: await Promise.all(ranked.map(({ result }, position) => (loading.has(position) ? result.data() : undefined))) };
  }
  const loaded = await Promise.all(ranked.map(({ result }) => result.data().catch(() => undefined)));
  const isSaved = (result: PagefindResultData | undefined): result is PagefindResultData =>
    result !== undefined && saved.has(new URL(result.url, location.href).href.replace(/#.*$/, ''));
  return { ranked: ranked.filter((_, position) => isSaved(loaded[position])), data: loaded.filter(isSaved) };
}

/**
 * Whether the site answers: `navigator.onLine` says only that there is a network interface
 * (and a page and its service worker can be cut off from the site with it on), so the search
 * asks for the site's favicon, a few hundred bytes, marked for the service worker to leave to
 * the network (`NETWORK_CHECK`). No answer within 3 s counts as none; one answer serves the
 * queries typed in the next 10 s.
 */
let reach: { asked: number; answer: Promise<boolean> } | undefined;
function reachable(base: string): Promise<boolean> {
  if (!navigator.onLine) return Promise.resolve(false);
  if (reach && performance.now() - reach.asked < 10_000) return reach.answer;
  const answer = fetch(`${base}favicon.svg?${NETWORK_CHECK}`, { cache: 'no-store', signal: AbortSignal.timeout(3_000) }).then(
    (response) => response.ok,
    () => false,
  );
  reach = { asked: performance.now(), answer };
  return answer;
}

/** Whether keys pressed in `target` type text: a field, a text area, a list box or editable text. */
function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || target.matches('input, textarea, select'));
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

/** How many hidden names the results have had: each one's id is new. */
let sectionNames = 0;

function renderHit(hit: SearchHit): HTMLLIElement {
  const item = element('li', 'search-result', element('h2', 'search-result-title', link(hit.url, hit.title)));
  if (hit.standfirst) item.append(element('p', 'search-result-standfirst', hit.standfirst));
  if (hit.match === 'near') {
    const words = hit.closeWords.map((word) => labels.quote(word)).join(', ');
    const near = element('p', 'search-result-near', labels.searchCloseWords(hit.closeWords.length, words));
    markAs(near, 'searchCloseWords');
    item.append(near);
  }
  const sections = hit.sections.map((section) =>
    element(
      'li',
      'search-result-section',
      link(section.url, section.label),
      element('p', 'search-result-excerpt', ...renderExcerpt(section.excerpt)),
    ),
  );
  const sectionList = element('ul', 'search-result-sections', ...sections);
  // The list holds the essay's words, so a name the page's language lacks comes from a hidden element that carries its language.
  const sectionsName = labels.sectionsOf(hit.title);
  if (languageMark(langOf('sectionsOf'), pageLang)) {
    const name = element('span', 'search-result-sections-name', sectionsName);
    name.id = `sections-name-${++sectionNames}`;
    name.hidden = true;
    markAs(name, 'sectionsOf');
    sectionList.setAttribute('aria-labelledby', name.id);
    item.append(name);
  } else {
    sectionList.setAttribute('aria-label', sectionsName);
  }
  item.append(sectionList);
  return item;
}
