import type { Labels } from './labels.ts';
import { plural } from './plural.ts';

/** The labels in English (`en`). */
export const en: Labels = {
  contents: 'Contents',
  sectionCount: (n) => `${n} ${plural('en', n, { one: 'section', other: 'sections' })}`,
  notes: 'Notes',
  sources: 'Sources',
  note: (label) => `Note ${label}`,
  noteAwaitingSource: (label) => `Note ${label}, source needed`,
  sourceNeededMark: 'source needed',

  backToReference: (label) => `Back to reference ${label}`,
  sourceNeeded: 'Source needed',
  closeNote: (label) => `Close note ${label}`,
  scenario: (n) => `Scenario ${n}`,
  figure: (n) => `Figure ${n}`,
  table: (n) => `Table ${n}`,
  accessed: (date) => `accessed ${date}`,
  readOffline: 'Read offline',
  opensInNewTab: 'opens in a new tab',
  offlineCopyFrom: (siteTitle) => `From ${siteTitle}`,
  minutesRead: (minutes) => `${minutes} min read`,
  byAuthors: (names) => `By ${names}`,
  updated: 'Updated',
  published: 'Published',
  citeThisEssay: 'Cite this essay',
  citePlainText: 'Plain text',
  citeFiles: 'For a reference manager',
  citeUpdated: (date) => `updated ${date}`,
  skipToContent: 'Skip to content',
  siteNavigation: 'Site',
  search: 'Search',
  allEssays: 'All essays',
  homeDescription: (siteTitle) => `${siteTitle}: long-form essays, as plain HTML.`,
  noEssays: 'No essays have been published yet.',
  listPage: (number, count) => `Page ${number} of ${count}`,
  listPages: 'Pages of essays',
  previousPage: 'Previous page',
  nextPage: 'Next page',
  notFoundTitle: 'Page not found',
  notFoundText: 'There is no page at this address. It may have moved, or the link may have a typing mistake.',
  notFoundLink: 'Go to the list of essays',
  searchDescription: 'Search the full text of every essay, and go straight to the passage.',
  searchUnavailable:
    'Search needs JavaScript and a copy of this site served from a web server: it does not work with JavaScript turned off, or when the pages are opened as files. The essays and their sections are listed below instead.',
  searchField: 'Search the essays',
  searchAllEssays: 'Essays and their sections',
  everyEssay: (count, perPage) => `All ${count} essays, ${perPage} to a page`,
  sectionsOf: (title) => `Sections of ${title}`,
  searchOpening: 'Opening',
  searchResults: (count, query, shown) => {
    if (count === 0) return `No essays contain “${query}”. Check the spelling, try another word, or browse all essays below.`;
    const found = `${count} ${plural('en', count, { one: 'essay contains', other: 'essays contain' })} “${query}”.`;
    return shown < count ? `${found} The ${shown} closest matches are listed.` : found;
  },
  searchNearResults: (count, query, found) => {
    const near = `${count} ${plural('en', count, { one: 'essay has a word', other: 'essays have words' })} close to it.`;
    if (found === 0) return `No essays contain “${query}”. ${near}`;
    return `${count} more ${plural('en', count, { one: 'essay has a word', other: 'essays have words' })} close to it.`;
  },
  searchCloseWords: (count, words) => `${plural('en', count, { one: 'Close match', other: 'Close matches' })}: ${words}`,
  quote: (text) => `“${text}”`,
  searchFailed: 'Search could not load, so it cannot be used right now. Reload the page to try again, or browse all essays below.',
  searchOfflineScope: (count) =>
    `Offline: searching the ${count} ${plural('en', count, { one: 'essay', other: 'essays' })} saved on this device.`,
  offlineHeading: 'Reading offline',
  offlineIntro:
    'Each essay you open is kept on this device, so it opens again with no network. You can also save every essay now, to read them all offline.',
  offlineSave: 'Save every essay on this device',
  offlineSaveSize: (essays, size) => ` (${essays} ${plural('en', essays, { one: 'essay', other: 'essays' })}, ${size})`,
  offlineWithDownloads: 'With their EPUB and HTML downloads',
  offlineDownloadsSize: (size) => ` (${size} more)`,
  offlineRemove: 'Remove the saved essays',
  offlineSaving: (files, size) => `Saving ${files} ${plural('en', files, { one: 'file', other: 'files' })}, ${size}, on this device…`,
  offlineProgress: (percent) => `Saving: ${percent} done`,
  offlineSaved: (essays) =>
    `All ${essays} ${plural('en', essays, { one: 'essay is', other: 'essays are' })} saved on this device: they open with no network.`,
  offlineSavedSome: (essays) => `${essays} ${plural('en', essays, { one: 'essay is', other: 'essays are' })} saved on this device.`,
  offlineSaveFailed:
    'Saving stopped: the network went away, or the device has no more room. What was saved is kept; press the button again to go on.',
  offlineRemoved: 'The saved essays are removed from this device.',
  notSavedTitle: 'Not saved on this device',
  notSavedText:
    'There is no network, and this essay or download is not saved on this device. Essays you open while online are kept, and the home page can save them all.',
  notSavedList: 'Saved on this device',
  accessibility: 'Accessibility',
  colourScheme: { legend: 'Colour scheme', light: 'Light', dark: 'Dark', system: 'System' },
  statement: {
    title: 'Accessibility statement',
    description: (siteTitle) => `How ${siteTitle} is tested for accessibility, what is known not to work, and how to report a barrier.`,
    standardHeading: 'The standard',
    standard: (siteTitle) =>
      `${siteTitle} is built to meet the Web Content Accessibility Guidelines (WCAG) 2.2 at level AA, on every page, in any browser, with a keyboard alone or with assistive technology, and without JavaScript for reading.`,
    testingHeading: 'How it is tested',
    testingIntro: 'Every page of the site is checked by the project’s test suite with these tools, and the tests fail on a single problem:',
    pa11y: (tool, runners, standard) => `${tool}, running ${runners} to the ${standard} standard: zero issues on every page.`,
    pa11yStates: 'pa11y-ci also audits these pages after the steps shown, {word} being a word from the first essay:',
    axe: (tool, tags) => `${tool}, with its rules tagged ${tags}: zero violations on every page, at each of these:`,
    viewport: (width, schemes) => `${width} px wide, in the ${schemes} colour schemes`,
    scheme: { light: 'light', dark: 'dark' },
    reflow: (widths) => `No page scrolls sideways at ${widths} px wide (WCAG 1.4.10, Reflow).`,
    htmlChecker: (tool) => `${tool}: zero errors in the HTML of every page.`,
    browser: (driver) => `The audits run in Chromium, driven by ${driver}.`,
    limitationsHeading: 'Known limitations',
    limitations: [
      'Automated checks find only some barriers: they cannot judge whether a text alternative describes its image, or whether a page is easy to understand and use with a screen reader. Tell us what you meet.',
      'Search needs JavaScript. Without it, the search page lists every essay and its sections instead.',
      'The essays are written by their authors. The build refuses an image without a text alternative and flags vague link text, but the clarity of the writing is theirs.',
    ],
    reportHeading: 'Report a barrier',
    reportBefore: 'If anything on this site is hard or impossible for you to use, tell us at ',
    reportAfter: '. Please say which page, what you were trying to do, and which browser and assistive technology you use.',
    noContact: 'This site has not yet published an address for reporting barriers.',
    generated: (date, version) =>
      `This statement was generated on ${date} from the project’s test configuration, by version ${version} of the site’s code.`,
  },
};
