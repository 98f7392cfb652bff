import type { Labels } from './labels.ts';
import { plural } from './plural.ts';

/** The labels in German (`de`). */
export const de: Labels = {
  contents: 'Inhalt',
  sectionCount: (n) => `${n} ${plural('de', n, { one: 'Abschnitt', other: 'Abschnitte' })}`,
  notes: 'Anmerkungen',
  sources: 'Quellen',
  note: (label) => `Anmerkung ${label}`,
  noteAwaitingSource: (label) => `Anmerkung ${label}, Quelle fehlt`,
  sourceNeededMark: 'Quelle fehlt',

  backToReference: (label) => `Zurück zum Verweis ${label}`,
  sourceNeeded: 'Quelle fehlt',
  closeNote: (label) => `Anmerkung ${label} schließen`,
  scenario: (n) => `Szenario ${n}`,
  figure: (n) => `Abbildung ${n}`,
  table: (n) => `Tabelle ${n}`,
  accessed: (date) => `abgerufen am ${date}`,
  readOffline: 'Offline lesen',
  opensInNewTab: 'öffnet in einem neuen Tab',
  offlineCopyFrom: (siteTitle) => `Aus ${siteTitle}`,
  minutesRead: (minutes) => `${minutes} Min. Lesezeit`,
  byAuthors: (names) => `Von ${names}`,
  updated: 'Aktualisiert am',
  published: 'Veröffentlicht am',
  citeThisEssay: 'Diesen Essay zitieren',
  citePlainText: 'Als Text',
  citeFiles: 'Für die Literaturverwaltung',
  citeUpdated: (date) => `aktualisiert am ${date}`,
  skipToContent: 'Zum Inhalt springen',
  siteNavigation: 'Website',
  search: 'Suche',
  allEssays: 'Alle Essays',
  homeDescription: (siteTitle) => `${siteTitle}: lange Essays als schlichtes HTML.`,
  noEssays: 'Es wurden noch keine Essays veröffentlicht.',
  listPage: (number, count) => `Seite ${number} von ${count}`,
  listPages: 'Seiten der Essays',
  previousPage: 'Vorherige Seite',
  nextPage: 'Nächste Seite',
  notFoundTitle: 'Seite nicht gefunden',
  notFoundText: 'Unter dieser Adresse gibt es keine Seite. Vielleicht wurde sie verschoben, oder der Link enthält einen Tippfehler.',
  notFoundLink: 'Zur Liste der Essays',
  searchDescription: 'Den vollen Text jedes Essays durchsuchen und direkt zur Stelle springen.',
  searchUnavailable:
    'Die Suche braucht JavaScript und eine Kopie dieser Website auf einem Webserver: Ohne JavaScript oder wenn die Seiten als Dateien geöffnet werden, funktioniert sie nicht. Stattdessen sind unten die Essays und ihre Abschnitte aufgeführt.',
  searchField: 'Die Essays durchsuchen',
  searchAllEssays: 'Essays und ihre Abschnitte',
  everyEssay: (count, perPage) => `Alle ${count} Essays, ${perPage} pro Seite`,
  sectionsOf: (title) => `Abschnitte von ${title}`,
  searchOpening: 'Anfang',
  searchResults: (count, query, shown) => {
    if (count === 0)
      return `Kein Essay enthält „${query}“. Prüfen Sie die Schreibweise, versuchen Sie ein anderes Wort, oder sehen Sie sich unten alle Essays an.`;
    const found = `${count} ${plural('de', count, { one: 'Essay enthält', other: 'Essays enthalten' })} „${query}“.`;
    return shown < count ? `${found} Die ${shown} besten Treffer sind aufgeführt.` : found;
  },
  searchNearResults: (count, query, found) => {
    if (found === 0) {
      const near = `${count} ${plural('de', count, { one: 'Essay enthält ein ähnliches Wort.', other: 'Essays enthalten ähnliche Wörter.' })}`;
      return `Kein Essay enthält „${query}“. ${near}`;
    }
    return `${count} ${plural('de', count, { one: 'weiteres Essay enthält ein ähnliches Wort.', other: 'weitere Essays enthalten ähnliche Wörter.' })}`;
  },
  searchCloseWords: (count, words) => `${plural('de', count, { one: 'Ähnliches Wort', other: 'Ähnliche Wörter' })}: ${words}`,
  quote: (text) => `„${text}“`,
  searchFailed:
    'Die Suche konnte nicht geladen werden und ist gerade nicht verfügbar. Laden Sie die Seite neu, oder sehen Sie sich unten alle Essays an.',
  searchOfflineScope: (count) =>
    `Offline: Suche in ${count === 1 ? 'dem einen Essay' : `den ${count} Essays`}, die auf diesem Gerät gespeichert ${count === 1 ? 'ist' : 'sind'}.`,
  offlineHeading: 'Offline lesen',
  offlineIntro:
    'Jeder Essay, den Sie öffnen, bleibt auf diesem Gerät und öffnet sich wieder ohne Netz. Sie können auch jetzt alle Essays speichern, um sie alle offline zu lesen.',
  offlineSave: 'Alle Essays auf diesem Gerät speichern',
  offlineSaveSize: (essays, size) => ` (${essays} ${plural('de', essays, { one: 'Essay', other: 'Essays' })}, ${size})`,
  offlineWithDownloads: 'Mit ihren EPUB- und HTML-Downloads',
  offlineDownloadsSize: (size) => ` (${size} mehr)`,
  offlineRemove: 'Gespeicherte Essays entfernen',
  offlineSaving: (files, size) =>
    `${files} ${plural('de', files, { one: 'Datei', other: 'Dateien' })}, ${size}, werden auf diesem Gerät gespeichert …`,
  offlineProgress: (percent) => `Speichern: ${percent} erledigt`,
  offlineSaved: (essays) =>
    `${essays === 1 ? 'Der Essay ist' : `Alle ${essays} Essays sind`} auf diesem Gerät gespeichert und öffnen sich ohne Netz.`,
  offlineSavedSome: (essays) =>
    `${essays} ${plural('de', essays, { one: 'Essay ist', other: 'Essays sind' })} auf diesem Gerät gespeichert.`,
  offlineSaveFailed:
    'Das Speichern wurde unterbrochen: Das Netz ist weg, oder auf dem Gerät ist kein Platz mehr. Was gespeichert ist, bleibt; drücken Sie die Schaltfläche erneut, um fortzufahren.',
  offlineRemoved: 'Die gespeicherten Essays sind von diesem Gerät entfernt.',
  notSavedTitle: 'Nicht auf diesem Gerät gespeichert',
  notSavedText:
    'Es gibt kein Netz, und dieser Essay oder Download ist nicht auf diesem Gerät gespeichert. Essays, die Sie online öffnen, bleiben gespeichert, und die Startseite kann alle speichern.',
  notSavedList: 'Auf diesem Gerät gespeichert',
  accessibility: 'Barrierefreiheit',
  colourScheme: { legend: 'Farbschema', light: 'Hell', dark: 'Dunkel', system: 'System' },
  statement: {
    title: 'Erklärung zur Barrierefreiheit',
    description: (siteTitle) =>
      `Wie die Barrierefreiheit von ${siteTitle} geprüft wird, was bekanntermaßen nicht funktioniert und wie Sie eine Barriere melden.`,
    standardHeading: 'Der Standard',
    standard: (siteTitle) =>
      `${siteTitle} ist darauf ausgelegt, die Richtlinien für barrierefreie Webinhalte (WCAG) 2.2 auf Stufe AA zu erfüllen: auf jeder Seite, in jedem Browser, allein mit der Tastatur oder mit assistiven Technologien, und zum Lesen ohne JavaScript.`,
    testingHeading: 'Wie geprüft wird',
    testingIntro:
      'Die Tests des Projekts prüfen jede Seite der Website mit diesen Werkzeugen und schlagen schon bei einem einzigen Problem fehl:',
    pa11y: (tool, runners, standard) => `${tool} mit ${runners} nach dem Standard ${standard}: kein Problem auf irgendeiner Seite.`,
    pa11yStates: 'pa11y-ci prüft außerdem diese Seiten nach den angegebenen Schritten, wobei {word} ein Wort aus dem ersten Essay ist:',
    axe: (tool, tags) => `${tool} mit den Regeln ${tags}: kein Verstoß auf irgendeiner Seite, jeweils bei:`,
    viewport: (width, schemes) => `${width} px Breite, im ${schemes} Farbschema`,
    scheme: { light: 'hellen', dark: 'dunklen' },
    reflow: (widths) => `Keine Seite scrollt seitlich bei ${widths} px Breite (WCAG 1.4.10, Umbruch).`,
    htmlChecker: (tool) => `${tool}: kein Fehler im HTML irgendeiner Seite.`,
    browser: (driver) => `Die Prüfungen laufen in Chromium, gesteuert von ${driver}.`,
    limitationsHeading: 'Bekannte Einschränkungen',
    limitations: [
      'Automatische Prüfungen finden nur einen Teil der Barrieren: Sie können nicht beurteilen, ob ein Alternativtext sein Bild beschreibt oder ob eine Seite mit einem Screenreader leicht zu verstehen und zu bedienen ist. Sagen Sie uns, worauf Sie stoßen.',
      'Die Suche braucht JavaScript. Ohne JavaScript listet die Suchseite stattdessen alle Essays und ihre Abschnitte auf.',
      'Die Essays schreiben ihre Autorinnen und Autoren. Der Build lehnt ein Bild ohne Alternativtext ab und meldet vage Linktexte, doch für die Klarheit der Texte sind sie selbst verantwortlich.',
    ],
    reportHeading: 'Eine Barriere melden',
    reportBefore: 'Wenn Ihnen etwas auf dieser Website schwer fällt oder unmöglich ist, schreiben Sie uns an ',
    reportAfter: '. Nennen Sie bitte die Seite, was Sie tun wollten, und welchen Browser und welche assistive Technologie Sie verwenden.',
    noContact: 'Diese Website hat noch keine Adresse für die Meldung von Barrieren veröffentlicht.',
    generated: (date, version) =>
      `Diese Erklärung wurde am ${date} aus der Testkonfiguration des Projekts erzeugt, von Version ${version} des Codes der Website.`,
  },
};
