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

const english: Labels = {
  contents: 'Contents',
  sectionCount: (n) => `${n} ${n === 1 ? 'section' : 'sections'}`,
  notes: 'Notes',
  sources: 'Sources',
  note: (label) => `Note ${label}`,
  noteAwaitingSource: (label) => `Note ${label}, source needed`,

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
    const found = `${count} ${count === 1 ? 'essay contains' : 'essays contain'} “${query}”.`;
    return shown < count ? `${found} The ${shown} closest matches are listed.` : found;
  },
  searchNearResults: (count, query, found) => {
    const near = count === 1 ? '1 essay has a word close to it.' : `${count} essays have words close to it.`;
    if (found === 0) return `No essays contain “${query}”. ${near}`;
    return count === 1 ? '1 more essay has a word close to it.' : `${count} more essays have words close to it.`;
  },
  searchCloseWords: (count, words) => `${count === 1 ? 'Close match' : 'Close matches'}: ${words}`,
  quote: (text) => `“${text}”`,
  searchFailed: 'Search could not load, so it cannot be used right now. Reload the page to try again, or browse all essays below.',
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

const LABELS: Record<string, Labels> = {
  en: english,
  fr: {
    contents: 'Sommaire',
    sectionCount: (n) => `${n} ${n === 1 ? 'section' : 'sections'}`,
    notes: 'Notes',
    sources: 'Sources',
    note: (label) => `Note ${label}`,
    noteAwaitingSource: (label) => `Note ${label}, source nécessaire`,

    backToReference: (label) => `Retour à l’appel ${label}`,
    sourceNeeded: 'Source nécessaire',
    closeNote: (label) => `Fermer la note ${label}`,
    scenario: (n) => `Scénario ${n}`,
    figure: (n) => `Figure ${n}`,
    table: (n) => `Tableau ${n}`,
    accessed: (date) => `consulté le ${date}`,
    readOffline: 'Lire hors ligne',
    opensInNewTab: 's’ouvre dans un nouvel onglet',
    offlineCopyFrom: (siteTitle) => `Tiré de ${siteTitle}`,
    minutesRead: (minutes) => `${minutes} min de lecture`,
    byAuthors: (names) => `Par ${names}`,
    updated: 'Mis à jour le',
    published: 'Publié le',
    citeThisEssay: 'Citer cet essai',
    citePlainText: 'Texte',
    citeUpdated: (date) => `mis à jour le ${date}`,
    skipToContent: 'Aller au contenu',
    siteNavigation: 'Site',
    search: 'Rechercher',
    allEssays: 'Tous les essais',
    homeDescription: (siteTitle) => `${siteTitle} : des essais au long cours, en HTML simple.`,
    noEssays: 'Aucun essai n’a encore été publié.',
    listPage: (number, count) => `Page ${number} sur ${count}`,
    listPages: 'Pages d’essais',
    previousPage: 'Page précédente',
    nextPage: 'Page suivante',
    notFoundTitle: 'Page introuvable',
    notFoundText: 'Il n’y a pas de page à cette adresse. Elle a peut-être été déplacée, ou le lien contient une faute de frappe.',
    notFoundLink: 'Aller à la liste des essais',
    searchDescription: 'Rechercher dans le texte intégral de chaque essai et aller droit au passage.',
    searchUnavailable:
      'La recherche demande JavaScript et une copie du site servie par un serveur web : elle ne fonctionne pas sans JavaScript, ni quand les pages sont ouvertes comme fichiers. Les essais et leurs sections sont listés ci-dessous.',
    searchField: 'Rechercher dans les essais',
    searchAllEssays: 'Les essais et leurs sections',
    everyEssay: (count, perPage) => `Les ${count} essais, ${perPage} par page`,
    sectionsOf: (title) => `Sections de ${title}`,
    searchOpening: 'Début',
    searchResults: (count, query, shown) => {
      if (count === 0)
        return `Aucun essai ne contient « ${query} ». Vérifiez l’orthographe, essayez un autre mot, ou parcourez les essais ci-dessous.`;
      const found = count === 1 ? `1 essai contient « ${query} ».` : `${count} essais contiennent « ${query} ».`;
      return shown < count ? `${found} Les ${shown} plus proches sont listés.` : found;
    },
    searchNearResults: (count, query, found) => {
      const near = count === 1 ? 'essai contient un mot proche.' : 'essais contiennent des mots proches.';
      if (found === 0) return `Aucun essai ne contient « ${query} ». ${count} ${near}`;
      return `${count} ${count === 1 ? 'autre' : 'autres'} ${near}`;
    },
    searchCloseWords: (count, words) => `${count === 1 ? 'Mot proche' : 'Mots proches'} : ${words}`,
    quote: (text) => `« ${text} »`,
    searchFailed:
      'La recherche n’a pas pu se charger et ne peut pas être utilisée pour l’instant. Rechargez la page pour réessayer, ou parcourez les essais ci-dessous.',
    accessibility: 'Accessibilité',
    colourScheme: { legend: 'Thème', light: 'Clair', dark: 'Sombre', system: 'Système' },
    statement: {
      title: 'Déclaration d’accessibilité',
      description: (siteTitle) =>
        `Comment l’accessibilité de ${siteTitle} est testée, ce qui ne fonctionne pas encore, et comment signaler un obstacle.`,
      standardHeading: 'La norme',
      standard: (siteTitle) =>
        `${siteTitle} est conçu pour respecter les règles pour l’accessibilité des contenus Web (WCAG) 2.2, niveau AA, sur chaque page, dans tout navigateur, au clavier seul ou avec une technologie d’assistance, et sans JavaScript pour la lecture.`,
      testingHeading: 'Comment il est testé',
      testingIntro: 'Chaque page du site est vérifiée par les tests du projet avec ces outils, et les tests échouent au moindre problème :',
      pa11y: (tool, runners, standard) => `${tool}, avec ${runners}, selon la norme ${standard} : aucun problème sur aucune page.`,
      pa11yStates: 'pa11y-ci vérifie aussi ces pages après les étapes indiquées, {word} étant un mot du premier essai :',
      axe: (tool, tags) => `${tool}, avec ses règles ${tags} : aucune violation sur aucune page, dans chacun de ces cas :`,
      viewport: (width, schemes) => `${width} px de large, en thème ${schemes}`,
      scheme: { light: 'clair', dark: 'sombre' },
      reflow: (widths) => `Aucune page ne défile horizontalement à ${widths} px de large (WCAG 1.4.10, Redistribution).`,
      htmlChecker: (tool) => `${tool} : aucune erreur dans le HTML d’aucune page.`,
      browser: (driver) => `Les vérifications s’exécutent dans Chromium, piloté par ${driver}.`,
      limitationsHeading: 'Limites connues',
      limitations: [
        'Les vérifications automatiques ne trouvent qu’une partie des obstacles : elles ne peuvent pas juger si une alternative textuelle décrit son image, ni si une page est facile à comprendre et à utiliser avec un lecteur d’écran. Dites-nous ce que vous rencontrez.',
        'La recherche demande JavaScript. Sans lui, la page de recherche liste à la place chaque essai et ses sections.',
        'Les essais sont écrits par leurs auteurs. La construction du site refuse une image sans alternative textuelle et signale les intitulés de lien vagues, mais la clarté du texte leur appartient.',
      ],
      reportHeading: 'Signaler un obstacle',
      reportBefore: 'Si quelque chose sur ce site vous est difficile ou impossible à utiliser, écrivez-nous à ',
      reportAfter: '. Indiquez la page, ce que vous vouliez faire, et le navigateur et la technologie d’assistance que vous utilisez.',
      noContact: 'Ce site n’a pas encore publié d’adresse pour signaler un obstacle.',
      generated: (date, version) =>
        `Cette déclaration a été générée le ${date} à partir de la configuration des tests du projet, par la version ${version} du code du site.`,
    },
  },
  de: {
    contents: 'Inhalt',
    sectionCount: (n) => `${n} ${n === 1 ? 'Abschnitt' : 'Abschnitte'}`,
    notes: 'Anmerkungen',
    sources: 'Quellen',
    note: (label) => `Anmerkung ${label}`,
    noteAwaitingSource: (label) => `Anmerkung ${label}, Quelle fehlt`,

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
      const found = count === 1 ? `1 Essay enthält „${query}“.` : `${count} Essays enthalten „${query}“.`;
      return shown < count ? `${found} Die ${shown} besten Treffer sind aufgeführt.` : found;
    },
    searchNearResults: (count, query, found) => {
      if (found === 0) {
        const near = count === 1 ? '1 Essay enthält ein ähnliches Wort.' : `${count} Essays enthalten ähnliche Wörter.`;
        return `Kein Essay enthält „${query}“. ${near}`;
      }
      return count === 1 ? '1 weiteres Essay enthält ein ähnliches Wort.' : `${count} weitere Essays enthalten ähnliche Wörter.`;
    },
    searchCloseWords: (count, words) => `${count === 1 ? 'Ähnliches Wort' : 'Ähnliche Wörter'}: ${words}`,
    quote: (text) => `„${text}“`,
    searchFailed:
      'Die Suche konnte nicht geladen werden und ist gerade nicht verfügbar. Laden Sie die Seite neu, oder sehen Sie sich unten alle Essays an.',
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
  },
  es: {
    contents: 'Índice',
    sectionCount: (n) => `${n} ${n === 1 ? 'sección' : 'secciones'}`,
    notes: 'Notas',
    sources: 'Fuentes',
    note: (label) => `Nota ${label}`,
    noteAwaitingSource: (label) => `Nota ${label}, falta la fuente`,

    backToReference: (label) => `Volver a la referencia ${label}`,
    sourceNeeded: 'Falta la fuente',
    closeNote: (label) => `Cerrar la nota ${label}`,
    scenario: (n) => `Escenario ${n}`,
    figure: (n) => `Figura ${n}`,
    table: (n) => `Tabla ${n}`,
    accessed: (date) => `consultado el ${date}`,
    readOffline: 'Leer sin conexión',
    opensInNewTab: 'se abre en una pestaña nueva',
    offlineCopyFrom: (siteTitle) => `De ${siteTitle}`,
    minutesRead: (minutes) => `${minutes} min de lectura`,
    byAuthors: (names) => `Por ${names}`,
    updated: 'Actualizado el',
    published: 'Publicado el',
    citeThisEssay: 'Citar este ensayo',
    citePlainText: 'Texto',
    citeUpdated: (date) => `actualizado el ${date}`,
    skipToContent: 'Ir al contenido',
    siteNavigation: 'Sitio',
    search: 'Buscar',
    allEssays: 'Todos los ensayos',
    homeDescription: (siteTitle) => `${siteTitle}: ensayos largos, en HTML sencillo.`,
    noEssays: 'Todavía no se ha publicado ningún ensayo.',
    listPage: (number, count) => `Página ${number} de ${count}`,
    listPages: 'Páginas de ensayos',
    previousPage: 'Página anterior',
    nextPage: 'Página siguiente',
    notFoundTitle: 'Página no encontrada',
    notFoundText: 'No hay ninguna página en esta dirección. Puede que se haya movido, o que el enlace tenga una errata.',
    notFoundLink: 'Ir a la lista de ensayos',
    searchDescription: 'Buscar en el texto completo de cada ensayo e ir directamente al pasaje.',
    searchUnavailable:
      'La búsqueda necesita JavaScript y una copia de este sitio servida por un servidor web: no funciona sin JavaScript ni cuando las páginas se abren como archivos. Abajo se listan los ensayos y sus secciones.',
    searchField: 'Buscar en los ensayos',
    searchAllEssays: 'Los ensayos y sus secciones',
    everyEssay: (count, perPage) => `Los ${count} ensayos, ${perPage} por página`,
    sectionsOf: (title) => `Secciones de ${title}`,
    searchOpening: 'Inicio',
    searchResults: (count, query, shown) => {
      if (count === 0)
        return `Ningún ensayo contiene «${query}». Revise la ortografía, pruebe otra palabra o consulte todos los ensayos abajo.`;
      const found = count === 1 ? `1 ensayo contiene «${query}».` : `${count} ensayos contienen «${query}».`;
      return shown < count ? `${found} Se listan los ${shown} más cercanos.` : found;
    },
    searchNearResults: (count, query, found) => {
      if (found === 0) {
        const near = count === 1 ? '1 ensayo contiene una palabra parecida.' : `${count} ensayos contienen palabras parecidas.`;
        return `Ningún ensayo contiene «${query}». ${near}`;
      }
      return count === 1 ? '1 ensayo más contiene una palabra parecida.' : `${count} ensayos más contienen palabras parecidas.`;
    },
    searchCloseWords: (count, words) => `${count === 1 ? 'Palabra parecida' : 'Palabras parecidas'}: ${words}`,
    quote: (text) => `«${text}»`,
    searchFailed:
      'La búsqueda no se pudo cargar y no se puede usar ahora. Recargue la página para volver a intentarlo, o consulte todos los ensayos abajo.',
    accessibility: 'Accesibilidad',
    colourScheme: { legend: 'Esquema de color', light: 'Claro', dark: 'Oscuro', system: 'Sistema' },
    statement: {
      title: 'Declaración de accesibilidad',
      description: (siteTitle) =>
        `Cómo se comprueba la accesibilidad de ${siteTitle}, qué se sabe que no funciona y cómo comunicar una barrera.`,
      standardHeading: 'La norma',
      standard: (siteTitle) =>
        `${siteTitle} está hecho para cumplir las Pautas de Accesibilidad para el Contenido Web (WCAG) 2.2 en el nivel AA: en cada página, en cualquier navegador, solo con el teclado o con tecnologías de apoyo, y sin JavaScript para leer.`,
      testingHeading: 'Cómo se comprueba',
      testingIntro: 'Las pruebas del proyecto revisan cada página del sitio con estas herramientas, y fallan ante un solo problema:',
      pa11y: (tool, runners, standard) => `${tool}, con ${runners}, según la norma ${standard}: ningún problema en ninguna página.`,
      pa11yStates: 'pa11y-ci revisa además estas páginas tras los pasos indicados, donde {word} es una palabra del primer ensayo:',
      axe: (tool, tags) => `${tool}, con sus reglas ${tags}: ninguna infracción en ninguna página, en cada uno de estos casos:`,
      viewport: (width, schemes) => `${width} px de ancho, en los esquemas de color ${schemes}`,
      scheme: { light: 'claro', dark: 'oscuro' },
      reflow: (widths) => `Ninguna página se desplaza en horizontal a ${widths} px de ancho (WCAG 1.4.10, Reajuste).`,
      htmlChecker: (tool) => `${tool}: ningún error en el HTML de ninguna página.`,
      browser: (driver) => `Las revisiones se ejecutan en Chromium, controlado por ${driver}.`,
      limitationsHeading: 'Limitaciones conocidas',
      limitations: [
        'Las revisiones automáticas solo encuentran parte de las barreras: no pueden juzgar si un texto alternativo describe su imagen, ni si una página es fácil de entender y de usar con un lector de pantalla. Cuéntenos lo que encuentre.',
        'La búsqueda necesita JavaScript. Sin él, la página de búsqueda lista en su lugar cada ensayo y sus secciones.',
        'Los ensayos los escriben sus autores. La construcción del sitio rechaza una imagen sin texto alternativo y señala los textos de enlace vagos, pero la claridad de lo escrito es suya.',
      ],
      reportHeading: 'Comunicar una barrera',
      reportBefore: 'Si algo de este sitio le resulta difícil o imposible de usar, escríbanos a ',
      reportAfter: '. Indique la página, qué intentaba hacer y qué navegador y tecnología de apoyo utiliza.',
      noContact: 'Este sitio todavía no ha publicado una dirección para comunicar barreras.',
      generated: (date, version) =>
        `Esta declaración se generó el ${date} a partir de la configuración de pruebas del proyecto, con la versión ${version} del código del sitio.`,
    },
  },
};

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

/** A site's own words, by language tag (`en`, `de-CH`), each replacing one of the labels. */
export type SiteStrings = Readonly<Record<string, Partial<Record<StringLabelKey, string>>>>;

/**
 * Labels for a BCP 47 language tag, by its primary subtag; English when there are none yet.
 * A site's own words for the language (`strings`: first the whole tag, then its primary
 * subtag) replace the built-in ones.
 */
export function labelsFor(lang: string, strings: SiteStrings = {}): Labels {
  const primary = lang.toLowerCase().split('-')[0] ?? '';
  const labels = LABELS[primary] ?? english;
  const own = { ...strings[primary], ...strings[lang] };
  return Object.keys(own).length === 0 ? labels : { ...labels, ...own };
}
