/** The CSL styles Citation.js's CSL plugin carries, by name (kept apart: the options read it without loading Citation.js). */
export const BUILT_IN_STYLES: readonly string[] = ['apa', 'vancouver', 'harvard1'];
