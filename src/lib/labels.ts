/**
 * Every word the site adds to a page, in the page's language: the essay components (in
 * the essay's language) and the site's own pages and chrome (in SITE_LANG). A page never
 * mixes languages without marking the other one with its own `lang`.
 */
export interface Labels {
  contents: string;
  notes: string;
  sources: string;
  /** "Note 3": the accessible name of a note reference. */
  note: (label: string) => string;
  /** "Preview note 3": the button that opens a note in place. */
  previewNote: (label: string) => string;
  /** "Back to reference 3b": one back-link from a note to where it is cited. */
  backToReference: (label: string) => string;
  sourceNeeded: string;
  /** The button that closes a note preview. */
  close: string;
  /** "Scenario 2" */
  scenario: (n: number) => string;
  /** "Figure 2" */
  figure: (n: number) => string;
  accessed: (date: string) => string;
  /** "Read offline": the links to an essay's EPUB and single-file HTML. */
  readOffline: string;
  /** "From The Reading Room": the footer of an essay's single-file copy. */
  offlineCopyFrom: (siteTitle: string) => string;

  // The essay's header.
  /** "3 min read" */
  minutesRead: (minutes: number) => string;
  /** "By Ada Example and Ben Example" (the names already joined in the page's language). */
  byAuthors: (names: string) => string;
  /** "Updated" before a date. */
  updated: string;

  // The site's chrome and pages.
  skipToContent: string;
  /** The accessible name of the site's navigation. */
  siteNavigation: string;
  search: string;
  allEssays: string;
  homeDescription: (siteTitle: string) => string;
  noEssays: string;
  notFoundTitle: string;
  notFoundText: string;
  notFoundLink: string;

  // The search page.
  searchDescription: string;
  searchUnavailable: string;
  searchField: string;
  searchAllEssays: string;
  /** The accessible name of an essay's list of sections. */
  sectionsOf: (title: string) => string;
  /** The label of a match that comes before the essay's first heading. */
  searchOpening: string;
  /** What the status line says, and a screen reader announces, once a search has finished. */
  searchResults: (count: number, query: string, shown: number) => string;
  searchFailed: string;
}

const english: Labels = {
  contents: 'Contents',
  notes: 'Notes',
  sources: 'Sources',
  note: (label) => `Note ${label}`,
  previewNote: (label) => `Preview note ${label}`,
  backToReference: (label) => `Back to reference ${label}`,
  sourceNeeded: 'Source needed',
  close: 'Close',
  scenario: (n) => `Scenario ${n}`,
  figure: (n) => `Figure ${n}`,
  accessed: (date) => `accessed ${date}`,
  readOffline: 'Read offline',
  offlineCopyFrom: (siteTitle) => `From ${siteTitle}`,
  minutesRead: (minutes) => `${minutes} min read`,
  byAuthors: (names) => `By ${names}`,
  updated: 'Updated',
  skipToContent: 'Skip to content',
  siteNavigation: 'Site',
  search: 'Search',
  allEssays: 'All essays',
  homeDescription: (siteTitle) => `${siteTitle}: long-form essays, as plain HTML.`,
  noEssays: 'No essays have been published yet.',
  notFoundTitle: 'Page not found',
  notFoundText: 'There is no page at this address. It may have moved, or the link may have a typing mistake.',
  notFoundLink: 'Go to the list of essays',
  searchDescription: 'Search the full text of every essay, and go straight to the passage.',
  searchUnavailable:
    'Search needs JavaScript and a copy of this site served from a web server: it does not work with JavaScript turned off, or when the pages are opened as files. Every essay and its sections are listed below instead.',
  searchField: 'Search the essays',
  searchAllEssays: 'All essays and their sections',
  sectionsOf: (title) => `Sections of ${title}`,
  searchOpening: 'Opening',
  searchResults: (count, query, shown) => {
    if (count === 0) return `No essays contain “${query}”. Check the spelling, try another word, or browse all essays below.`;
    const found = `${count} ${count === 1 ? 'essay contains' : 'essays contain'} “${query}”.`;
    return shown < count ? `${found} The ${shown} closest matches are listed.` : found;
  },
  searchFailed: 'Search could not load, so it cannot be used right now. Reload the page to try again, or browse all essays below.',
};

const LABELS: Record<string, Labels> = {
  en: english,
  fr: {
    contents: 'Sommaire',
    notes: 'Notes',
    sources: 'Sources',
    note: (label) => `Note ${label}`,
    previewNote: (label) => `Aperçu de la note ${label}`,
    backToReference: (label) => `Retour à l’appel ${label}`,
    sourceNeeded: 'Source nécessaire',
    close: 'Fermer',
    scenario: (n) => `Scénario ${n}`,
    figure: (n) => `Figure ${n}`,
    accessed: (date) => `consulté le ${date}`,
    readOffline: 'Lire hors ligne',
    offlineCopyFrom: (siteTitle) => `Tiré de ${siteTitle}`,
    minutesRead: (minutes) => `${minutes} min de lecture`,
    byAuthors: (names) => `Par ${names}`,
    updated: 'Mis à jour le',
    skipToContent: 'Aller au contenu',
    siteNavigation: 'Site',
    search: 'Rechercher',
    allEssays: 'Tous les essais',
    homeDescription: (siteTitle) => `${siteTitle} : des essais au long cours, en HTML simple.`,
    noEssays: 'Aucun essai n’a encore été publié.',
    notFoundTitle: 'Page introuvable',
    notFoundText: 'Il n’y a pas de page à cette adresse. Elle a peut-être été déplacée, ou le lien contient une faute de frappe.',
    notFoundLink: 'Aller à la liste des essais',
    searchDescription: 'Rechercher dans le texte intégral de chaque essai et aller droit au passage.',
    searchUnavailable:
      'La recherche demande JavaScript et une copie du site servie par un serveur web : elle ne fonctionne pas sans JavaScript, ni quand les pages sont ouvertes comme fichiers. Chaque essai et ses sections sont listés ci-dessous.',
    searchField: 'Rechercher dans les essais',
    searchAllEssays: 'Tous les essais et leurs sections',
    sectionsOf: (title) => `Sections de ${title}`,
    searchOpening: 'Début',
    searchResults: (count, query, shown) => {
      if (count === 0)
        return `Aucun essai ne contient « ${query} ». Vérifiez l’orthographe, essayez un autre mot, ou parcourez les essais ci-dessous.`;
      const found = count === 1 ? `1 essai contient « ${query} ».` : `${count} essais contiennent « ${query} ».`;
      return shown < count ? `${found} Les ${shown} plus proches sont listés.` : found;
    },
    searchFailed:
      'La recherche n’a pas pu se charger et ne peut pas être utilisée pour l’instant. Rechargez la page pour réessayer, ou parcourez les essais ci-dessous.',
  },
  de: {
    contents: 'Inhalt',
    notes: 'Anmerkungen',
    sources: 'Quellen',
    note: (label) => `Anmerkung ${label}`,
    previewNote: (label) => `Anmerkung ${label} anzeigen`,
    backToReference: (label) => `Zurück zum Verweis ${label}`,
    sourceNeeded: 'Quelle fehlt',
    close: 'Schließen',
    scenario: (n) => `Szenario ${n}`,
    figure: (n) => `Abbildung ${n}`,
    accessed: (date) => `abgerufen am ${date}`,
    readOffline: 'Offline lesen',
    offlineCopyFrom: (siteTitle) => `Aus ${siteTitle}`,
    minutesRead: (minutes) => `${minutes} Min. Lesezeit`,
    byAuthors: (names) => `Von ${names}`,
    updated: 'Aktualisiert am',
    skipToContent: 'Zum Inhalt springen',
    siteNavigation: 'Website',
    search: 'Suche',
    allEssays: 'Alle Essays',
    homeDescription: (siteTitle) => `${siteTitle}: lange Essays als schlichtes HTML.`,
    noEssays: 'Es wurden noch keine Essays veröffentlicht.',
    notFoundTitle: 'Seite nicht gefunden',
    notFoundText: 'Unter dieser Adresse gibt es keine Seite. Vielleicht wurde sie verschoben, oder der Link enthält einen Tippfehler.',
    notFoundLink: 'Zur Liste der Essays',
    searchDescription: 'Den vollen Text jedes Essays durchsuchen und direkt zur Stelle springen.',
    searchUnavailable:
      'Die Suche braucht JavaScript und eine Kopie dieser Website auf einem Webserver: Ohne JavaScript oder wenn die Seiten als Dateien geöffnet werden, funktioniert sie nicht. Stattdessen sind unten alle Essays und ihre Abschnitte aufgeführt.',
    searchField: 'Die Essays durchsuchen',
    searchAllEssays: 'Alle Essays und ihre Abschnitte',
    sectionsOf: (title) => `Abschnitte von ${title}`,
    searchOpening: 'Anfang',
    searchResults: (count, query, shown) => {
      if (count === 0)
        return `Kein Essay enthält „${query}“. Prüfen Sie die Schreibweise, versuchen Sie ein anderes Wort, oder sehen Sie sich unten alle Essays an.`;
      const found = count === 1 ? `1 Essay enthält „${query}“.` : `${count} Essays enthalten „${query}“.`;
      return shown < count ? `${found} Die ${shown} besten Treffer sind aufgeführt.` : found;
    },
    searchFailed:
      'Die Suche konnte nicht geladen werden und ist gerade nicht verfügbar. Laden Sie die Seite neu, oder sehen Sie sich unten alle Essays an.',
  },
  es: {
    contents: 'Índice',
    notes: 'Notas',
    sources: 'Fuentes',
    note: (label) => `Nota ${label}`,
    previewNote: (label) => `Ver la nota ${label}`,
    backToReference: (label) => `Volver a la referencia ${label}`,
    sourceNeeded: 'Falta la fuente',
    close: 'Cerrar',
    scenario: (n) => `Escenario ${n}`,
    figure: (n) => `Figura ${n}`,
    accessed: (date) => `consultado el ${date}`,
    readOffline: 'Leer sin conexión',
    offlineCopyFrom: (siteTitle) => `De ${siteTitle}`,
    minutesRead: (minutes) => `${minutes} min de lectura`,
    byAuthors: (names) => `Por ${names}`,
    updated: 'Actualizado el',
    skipToContent: 'Ir al contenido',
    siteNavigation: 'Sitio',
    search: 'Buscar',
    allEssays: 'Todos los ensayos',
    homeDescription: (siteTitle) => `${siteTitle}: ensayos largos, en HTML sencillo.`,
    noEssays: 'Todavía no se ha publicado ningún ensayo.',
    notFoundTitle: 'Página no encontrada',
    notFoundText: 'No hay ninguna página en esta dirección. Puede que se haya movido, o que el enlace tenga una errata.',
    notFoundLink: 'Ir a la lista de ensayos',
    searchDescription: 'Buscar en el texto completo de cada ensayo e ir directamente al pasaje.',
    searchUnavailable:
      'La búsqueda necesita JavaScript y una copia de este sitio servida por un servidor web: no funciona sin JavaScript ni cuando las páginas se abren como archivos. Abajo se listan todos los ensayos y sus secciones.',
    searchField: 'Buscar en los ensayos',
    searchAllEssays: 'Todos los ensayos y sus secciones',
    sectionsOf: (title) => `Secciones de ${title}`,
    searchOpening: 'Inicio',
    searchResults: (count, query, shown) => {
      if (count === 0)
        return `Ningún ensayo contiene «${query}». Revise la ortografía, pruebe otra palabra o consulte todos los ensayos abajo.`;
      const found = count === 1 ? `1 ensayo contiene «${query}».` : `${count} ensayos contienen «${query}».`;
      return shown < count ? `${found} Se listan los ${shown} más cercanos.` : found;
    },
    searchFailed:
      'La búsqueda no se pudo cargar y no se puede usar ahora. Recargue la página para volver a intentarlo, o consulte todos los ensayos abajo.',
  },
};

/** Labels for a BCP 47 language tag, by its primary subtag; English when there are none yet. */
export function labelsFor(lang: string): Labels {
  return LABELS[lang.toLowerCase().split('-')[0] ?? ''] ?? english;
}
