import { de } from './de.ts';
import { en } from './en.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';

/**
 * Every word the site adds to a page, in the page's language: the essay components (in
 * the essay's language) and the site's own pages and chrome (in SITE_LANG). A page never
 * mixes languages without marking the other one with its own `lang`.
 */
export interface Labels {
  contents: string;
  /** "6 sections": how many entries the contents have, after "Contents, ". */
  sectionCount: (sections: number) => string;
  notes: string;
  sources: string;
  /** "Note 3": the accessible name of a note reference. */
  note: (label: string) => string;
  /** "Note 3, source needed": the name of a reference whose note awaits a source. */
  noteAwaitingSource: (label: string) => string;
  /**
   * "source needed": shown in brackets after the numeral of such a reference, as Wikipedia's
   * "[citation needed]"; the words that end `noteAwaitingSource`, so the name holds what is seen.
   */
  sourceNeededMark: string;
  /** "Back to reference 3b": one back-link from a note to where it is cited. */
  backToReference: (label: string) => string;
  sourceNeeded: string;
  /** "Close note 3": the name of the × that closes a note's preview. */
  closeNote: (label: string) => string;
  /** "Scenario 2" */
  scenario: (n: number) => string;
  /** "Figure 2" */
  figure: (n: number) => string;
  /** "Table 2": the name of the region a Markdown table scrolls in. */
  table: (n: number) => string;
  accessed: (date: string) => string;
  /** "Read offline": the links to an essay's EPUB and single-file HTML. */
  readOffline: string;
  /** Said after the name of a link the author made open in a new tab. */
  opensInNewTab: string;
  /** "From The Reading Room": the footer of an essay's single-file copy. */
  offlineCopyFrom: (siteTitle: string) => string;

  // The essay's header.
  /** "3 min read" */
  minutesRead: (minutes: number) => string;
  /** "By Ada Example and Ben Example" (the names already joined in the page's language). */
  byAuthors: (names: string) => string;
  /** "Updated" before a date. */
  updated: string;
  /** "Published" before a date. */
  published: string;

  // The citation block at the end of an essay.
  /** The summary of the block that opens to show the citation. */
  citeThisEssay: string;
  /** The name of the citation written as a sentence (beside "BibTeX"). */
  citePlainText: string;
  /** The name of the links to the citation as files (BibTeX, RIS, CSL-JSON). */
  citeFiles: string;
  /** "updated 15 April 2025", after the publication date in a citation. */
  citeUpdated: (date: string) => string;

  // The site's chrome and pages.
  skipToContent: string;
  /** The accessible name of the site's navigation. */
  siteNavigation: string;
  search: string;
  allEssays: string;
  homeDescription: (siteTitle: string) => string;
  noEssays: string;
  /** "Page 2 of 10": where a page of the home page's list is. */
  listPage: (number: number, count: number) => string;
  /** The accessible name of the links between pages of the list. */
  listPages: string;
  previousPage: string;
  nextPage: string;
  notFoundTitle: string;
  notFoundText: string;
  notFoundLink: string;

  // The search page.
  searchDescription: string;
  searchUnavailable: string;
  searchField: string;
  searchAllEssays: string;
  /** "All 120 essays, 50 to a page": the link from the search page's list to the whole list, when it shows only the first page. */
  everyEssay: (count: number, perPage: number) => string;
  /** The accessible name of an essay's list of sections. */
  sectionsOf: (title: string) => string;
  /** The label of a match that comes before the essay's first heading. */
  searchOpening: string;
  /** What the status line says, and a screen reader announces, once a search has finished. */
  searchResults: (count: number, query: string, shown: number) => string;
  /**
   * Said of the essays with only words close to the query (`found`: how many have the words
   * themselves), alone when `found` is 0, or after `searchResults`.
   */
  searchNearResults: (count: number, query: string, found: number) => string;
  /** "Close match: “study”": the close words of an essay that has only those, each already quoted. */
  searchCloseWords: (count: number, words: string) => string;
  /** A word or phrase in the language's quotation marks. */
  quote: (text: string) => string;
  searchFailed: string;

  /**
   * "Offline: searching the 12 essays saved on this device.": before the results of a
   * search made with no network, which covers only the essays saved.
   */
  searchOfflineScope: (count: number) => string;

  // Reading offline (issue 20): the home page's control, and the page for what is not saved.
  offlineHeading: string;
  offlineIntro: string;
  offlineSave: string;
  /** " (250 essays, 7.8 MB)": after `offlineSave`, filled in by the build. */
  offlineSaveSize: (essays: number, size: string) => string;
  offlineWithDownloads: string;
  /** " (8.3 MB more)": after `offlineWithDownloads`, filled in by the build. */
  offlineDownloadsSize: (size: string) => string;
  offlineRemove: string;
  /** Announced when saving starts: how much it downloads. */
  offlineSaving: (files: number, size: string) => string;
  /** "Saving: 40% done" (the percentage already formatted). */
  offlineProgress: (percent: string) => string;
  /** Announced when the whole site is saved, and when a reader with it saved opens the page. */
  offlineSaved: (essays: number) => string;
  /** How many essays are kept, when the whole site is not. */
  offlineSavedSome: (essays: number) => string;
  offlineSaveFailed: string;
  offlineRemoved: string;
  notSavedTitle: string;
  notSavedText: string;
  /** The heading of the list of essays saved on this device. */
  notSavedList: string;

  /** The footer's link to the accessibility statement. */
  accessibility: string;
  /** The footer's colour scheme choice: its legend, and the name of each option. */
  colourScheme: { legend: string; light: string; dark: string; system: string };
  statement: StatementLabels;
}

/** The accessibility statement's words; its facts come from src/publishing/accessibility-statement.ts. */
export interface StatementLabels {
  title: string;
  description: (siteTitle: string) => string;
  standardHeading: string;
  standard: (siteTitle: string) => string;
  testingHeading: string;
  testingIntro: string;
  /** pa11y-ci with its runners ("HTML_CodeSniffer 2.6.0 and axe-core 4.13.0") and standard ("WCAG2AA"). */
  pa11y: (tool: string, runners: string, standard: string) => string;
  /** Before the pages pa11y-ci also audits in another state, each with the steps taken first. */
  pa11yStates: string;
  /** axe-core with its rule tags, before the widths and colour schemes it runs in. */
  axe: (tool: string, tags: string) => string;
  /** "375 px wide, in the light and dark colour schemes" */
  viewport: (width: number, schemes: string) => string;
  scheme: { light: string; dark: string };
  reflow: (widths: string) => string;
  htmlChecker: (tool: string) => string;
  browser: (driver: string) => string;
  limitationsHeading: string;
  limitations: readonly string[];
  reportHeading: string;
  /** The sentence around the contact link: what comes before it, and after it. */
  reportBefore: string;
  reportAfter: string;
  noContact: string;
  /** "Generated on 2026-11-30 by version 0.1.0 (commit abc1234) of the site's code." */
  generated: (date: string, version: string) => string;
}

/** The built-in labels, by primary language subtag: one module per language. */
const LABELS: Record<string, Labels> = { en, fr, de, es };

/** The language a label falls back to when a page's language has no word for it. */
const FALLBACK_LANG = 'en';

/** A label's name: `contents`, `minutesRead`… */
export type LabelKey = keyof Labels;

/** Every label's name, in the order of the Labels interface. */
export const LABEL_KEYS = Object.keys(en) as LabelKey[];

/**
 * A whole language's labels, for a site's own module (`essayPress({ strings: { ar: './src/strings/ar.ts' } })`):
 * the type asks for every label, so `astro check` names each one left out, as it does for ours.
 *
 * @example export default defineLabels({ contents: 'المحتويات', minutesRead: (n) => `${n} د قراءة`, … });
 */
export function defineLabels(labels: Labels): Labels {
  return labels;
}

/** The labels that are plain words, which a site may replace with its own (the `strings` option). */
export const STRING_LABEL_KEYS = [
  'contents',
  'notes',
  'sources',
  'sourceNeeded',
  'readOffline',
  'opensInNewTab',
  'updated',
  'published',
  'citeThisEssay',
  'citePlainText',
  'citeFiles',
  'skipToContent',
  'siteNavigation',
  'search',
  'allEssays',
  'noEssays',
  'listPages',
  'previousPage',
  'nextPage',
  'notFoundTitle',
  'notFoundText',
  'notFoundLink',
  'searchDescription',
  'searchUnavailable',
  'searchField',
  'searchAllEssays',
  'searchOpening',
  'searchFailed',
  'accessibility',
] as const satisfies ReadonlyArray<{ [K in keyof Labels]: Labels[K] extends string ? K : never }[keyof Labels]>;

export type StringLabelKey = (typeof STRING_LABEL_KEYS)[number];

/** A site's own labels, by language tag (`ar`, `de-CH`): whole languages, or some labels of one. */
export type SiteLabels = Readonly<Record<string, Partial<Labels>>>;

/** The site's `strings` option before loading: plain words, or the file of a module of labels. */
export type SiteStrings = Readonly<Record<string, string | Partial<Record<StringLabelKey, string>>>>;

/** The labels of one language, and which of them are in another language (fallen back). */
export interface LanguageLabels {
  /** The language asked for. */
  lang: string;
  /** Every label: in `lang` where the language has it, else in FALLBACK_LANG. */
  labels: Labels;
  /** The labels `lang` lacks, each shown in FALLBACK_LANG instead. */
  missing: readonly LabelKey[];
  /** The language a label is written in: `lang`, or FALLBACK_LANG for one it lacks. */
  langOf: (key: LabelKey) => string;
}

/** The primary language subtag, lower-cased: `ar` of `ar-EG`. */
export function primaryLanguage(lang: string): string {
  return lang.toLowerCase().split('-')[0] ?? '';
}

/**
 * Labels for a BCP 47 language tag: the site's own for the whole tag, then for its primary
 * subtag, then ours for the primary subtag. A label none of them has falls back to English
 * (the site's English, if it gave any), and `missing` names it, so the page can mark it with
 * its language and the build can report it.
 */
export function resolveLabels(lang: string, site: SiteLabels = {}): LanguageLabels {
  const primary = primaryLanguage(lang);
  const own: Partial<Labels> = { ...LABELS[primary], ...site[primary], ...site[lang] };
  const fallback: Labels = { ...en, ...site[FALLBACK_LANG] };
  const missing = LABEL_KEYS.filter((key) => own[key] === undefined);
  const labels = { ...fallback, ...definedOnly(own) } as Labels;
  const lacking = new Set(missing);
  return { lang, labels, missing, langOf: (key) => (lacking.has(key) ? FALLBACK_LANG : lang) };
}

/**
 * Labels for a BCP 47 language tag, by its primary subtag; English where there are none.
 * A site's own labels for the language (first the whole tag, then its primary subtag)
 * replace the built-in ones.
 */
export function labelsFor(lang: string, site: SiteLabels = {}): Labels {
  return resolveLabels(lang, site).labels;
}

function definedOnly(labels: Partial<Labels>): Partial<Labels> {
  return Object.fromEntries(Object.entries(labels).filter(([, value]) => value !== undefined)) as Partial<Labels>;
}

/**
 * The build log's line for a language that lacks labels, or undefined when it has them all:
 * which, and how to supply them. `every` when the language has none of its own.
 */
export function missingLabelsNotice(labels: LanguageLabels): string | undefined {
  const { lang, missing } = labels;
  if (missing.length === 0) return undefined;
  const which =
    missing.length === LABEL_KEYS.length
      ? `all ${missing.length} interface strings`
      : `${missing.length} of ${LABEL_KEYS.length} interface strings (${missing.join(', ')})`;
  return `Strings in ${lang}: ${which} missing, shown in English and marked lang="${FALLBACK_LANG}". Supply them in a module: essayPress({ strings: { ${primaryLanguage(lang)}: './src/strings/${primaryLanguage(lang)}.ts' } }), its default export defineLabels({ … }) (docs/strings.md).`;
}
