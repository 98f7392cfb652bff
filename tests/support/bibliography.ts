/** A bibliography file of tests/fixtures/bibliography/ (library.bib, library.json…), by name. */
export const bibliographyFixture = (name: string): URL => new URL(`../fixtures/bibliography/${name}`, import.meta.url);
