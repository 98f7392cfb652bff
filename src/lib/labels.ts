/** The words the essay components add to the page, in the essay's language. */
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
  accessed: (date: string) => string;
  /** "Read offline": the links to an essay's EPUB and single-file HTML. */
  readOffline: string;
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
  accessed: (date) => `accessed ${date}`,
  readOffline: 'Read offline',
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
    accessed: (date) => `consulté le ${date}`,
    readOffline: 'Lire hors ligne',
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
    accessed: (date) => `abgerufen am ${date}`,
    readOffline: 'Offline lesen',
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
    accessed: (date) => `consultado el ${date}`,
    readOffline: 'Leer sin conexión',
  },
};

/** Labels for a BCP 47 language tag, by its primary subtag; English when there are none yet. */
export function labelsFor(lang: string): Labels {
  return LABELS[lang.toLowerCase().split('-')[0] ?? ''] ?? english;
}
