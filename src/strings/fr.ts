import type { Labels } from './labels.ts';
import { plural } from './plural.ts';

/** The labels in French (`fr`). */
export const fr: Labels = {
  contents: 'Sommaire',
  sectionCount: (n) => `${n} ${plural('fr', n, { one: 'section', other: 'sections' })}`,
  notes: 'Notes',
  sources: 'Sources',
  note: (label) => `Note ${label}`,
  noteAwaitingSource: (label) => `Note ${label}, source nécessaire`,
  sourceNeededMark: 'source nécessaire',

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
  citeFiles: 'Pour un gestionnaire de références',
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
    const found = `${count} ${plural('fr', count, { one: 'essai contient', other: 'essais contiennent' })} « ${query} ».`;
    return shown < count ? `${found} Les ${shown} plus proches sont listés.` : found;
  },
  searchNearResults: (count, query, found) => {
    const near = plural('fr', count, { one: 'essai contient un mot proche.', other: 'essais contiennent des mots proches.' });
    if (found === 0) return `Aucun essai ne contient « ${query} ». ${count} ${near}`;
    return `${count} ${plural('fr', count, { one: 'autre', other: 'autres' })} ${near}`;
  },
  searchCloseWords: (count, words) => `${plural('fr', count, { one: 'Mot proche', other: 'Mots proches' })} : ${words}`,
  quote: (text) => `« ${text} »`,
  searchFailed:
    'La recherche n’a pas pu se charger et ne peut pas être utilisée pour l’instant. Rechargez la page pour réessayer, ou parcourez les essais ci-dessous.',
  searchOfflineScope: (count) =>
    `Hors ligne : recherche dans ${count === 1 ? 'l’essai enregistré' : `les ${count} essais enregistrés`} sur cet appareil.`,
  offlineHeading: 'Lire hors ligne',
  offlineIntro:
    'Chaque essai que vous ouvrez est gardé sur cet appareil : il s’ouvre de nouveau sans réseau. Vous pouvez aussi enregistrer tous les essais maintenant, pour tous les lire hors ligne.',
  offlineSave: 'Enregistrer tous les essais sur cet appareil',
  offlineSaveSize: (essays, size) => ` (${essays} ${plural('fr', essays, { one: 'essai', other: 'essais' })}, ${size})`,
  offlineWithDownloads: 'Avec leurs téléchargements EPUB et HTML',
  offlineDownloadsSize: (size) => ` (${size} de plus)`,
  offlineRemove: 'Supprimer les essais enregistrés',
  offlineSaving: (files, size) =>
    `Enregistrement de ${files} ${plural('fr', files, { one: 'fichier', other: 'fichiers' })}, ${size}, sur cet appareil…`,
  offlineProgress: (percent) => `Enregistrement : ${percent} fait`,
  offlineSaved: (essays) =>
    `${essays === 1 ? 'L’essai est enregistré' : `Les ${essays} essais sont enregistrés`} sur cet appareil : ils s’ouvrent sans réseau.`,
  offlineSavedSome: (essays) =>
    `${essays} ${plural('fr', essays, { one: 'essai est enregistré', other: 'essais sont enregistrés' })} sur cet appareil.`,
  offlineSaveFailed:
    'L’enregistrement s’est arrêté : le réseau a disparu, ou l’appareil n’a plus de place. Ce qui est enregistré est gardé ; appuyez de nouveau sur le bouton pour continuer.',
  offlineRemoved: 'Les essais enregistrés sont supprimés de cet appareil.',
  notSavedTitle: 'Pas enregistré sur cet appareil',
  notSavedText:
    'Il n’y a pas de réseau, et cet essai ou ce téléchargement n’est pas enregistré sur cet appareil. Les essais ouverts en ligne sont gardés, et la page d’accueil peut tous les enregistrer.',
  notSavedList: 'Enregistrés sur cet appareil',
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
};
