import type { Labels } from './labels.ts';
import { plural } from './plural.ts';

/** The labels in Spanish (`es`). */
export const es: Labels = {
  contents: 'Índice',
  sectionCount: (n) => `${n} ${plural('es', n, { one: 'sección', other: 'secciones' })}`,
  notes: 'Notas',
  sources: 'Fuentes',
  note: (label) => `Nota ${label}`,
  noteAwaitingSource: (label) => `Nota ${label}, falta la fuente`,
  sourceNeededMark: 'falta la fuente',

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
  citeFiles: 'Para un gestor de referencias',
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
    const found = `${count} ${plural('es', count, { one: 'ensayo contiene', other: 'ensayos contienen' })} «${query}».`;
    return shown < count ? `${found} Se listan los ${shown} más cercanos.` : found;
  },
  searchNearResults: (count, query, found) => {
    if (found === 0) {
      const near = `${count} ${plural('es', count, { one: 'ensayo contiene una palabra parecida.', other: 'ensayos contienen palabras parecidas.' })}`;
      return `Ningún ensayo contiene «${query}». ${near}`;
    }
    return `${count} ${plural('es', count, { one: 'ensayo más contiene una palabra parecida.', other: 'ensayos más contienen palabras parecidas.' })}`;
  },
  searchCloseWords: (count, words) => `${plural('es', count, { one: 'Palabra parecida', other: 'Palabras parecidas' })}: ${words}`,
  quote: (text) => `«${text}»`,
  searchFailed:
    'La búsqueda no se pudo cargar y no se puede usar ahora. Recargue la página para volver a intentarlo, o consulte todos los ensayos abajo.',
  searchOfflineScope: (count) =>
    `Sin conexión: buscando en ${count === 1 ? 'el ensayo guardado' : `los ${count} ensayos guardados`} en este dispositivo.`,
  offlineHeading: 'Leer sin conexión',
  offlineIntro:
    'Cada ensayo que abre se guarda en este dispositivo y vuelve a abrirse sin red. También puede guardar ahora todos los ensayos, para leerlos todos sin conexión.',
  offlineSave: 'Guardar todos los ensayos en este dispositivo',
  offlineSaveSize: (essays, size) => ` (${essays} ${plural('es', essays, { one: 'ensayo', other: 'ensayos' })}, ${size})`,
  offlineWithDownloads: 'Con sus descargas EPUB y HTML',
  offlineDownloadsSize: (size) => ` (${size} más)`,
  offlineRemove: 'Quitar los ensayos guardados',
  offlineSaving: (files, size) =>
    `Guardando ${files} ${plural('es', files, { one: 'archivo', other: 'archivos' })}, ${size}, en este dispositivo…`,
  offlineProgress: (percent) => `Guardando: ${percent} hecho`,
  offlineSaved: (essays) =>
    `${essays === 1 ? 'El ensayo está guardado' : `Los ${essays} ensayos están guardados`} en este dispositivo: se abren sin red.`,
  offlineSavedSome: (essays) =>
    `${essays} ${plural('es', essays, { one: 'ensayo está guardado', other: 'ensayos están guardados' })} en este dispositivo.`,
  offlineSaveFailed:
    'El guardado se detuvo: se perdió la red o el dispositivo no tiene más espacio. Lo guardado se conserva; pulse el botón de nuevo para continuar.',
  offlineRemoved: 'Los ensayos guardados se han quitado de este dispositivo.',
  notSavedTitle: 'No guardado en este dispositivo',
  notSavedText:
    'No hay red, y este ensayo o descarga no está guardado en este dispositivo. Los ensayos que abre con conexión se guardan, y la página de inicio puede guardarlos todos.',
  notSavedList: 'Guardados en este dispositivo',
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
};
