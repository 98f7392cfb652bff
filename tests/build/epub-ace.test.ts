import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { formatAceViolations, runAce } from '../../scripts/lib/ace.ts';
import { buildSite } from '../support/build-site.ts';

// The essays with images (and a right-to-left one), as tests/build/offline-downloads.test.ts builds them.
let imageSiteDir = '';
beforeAll(() => {
  const build = buildSite({ ESSAYS_DIR: 'tests/fixtures/offline-image', SITE_URL: 'https://essays.example' });
  if (build.status !== 0) throw new Error(`The image fixture site did not build:\n${build.output}`);
  imageSiteDir = build.outDir;
});
afterAll(() => {
  if (imageSiteDir) rmSync(join(imageSiteDir, '..'), { recursive: true, force: true });
});

const SITES: Array<[string, () => string]> = [
  ['the site', () => inject('siteDir')],
  ['the component fixtures', () => inject('componentsSiteDir')],
  ['the essays in four languages', () => inject('searchLanguagesSiteDir')],
  ['the image fixtures', () => imageSiteDir],
];

function epubs(siteDir: string): string[] {
  const root = join(siteDir, 'essays');
  return readdirSync(root)
    .map((slug) => join(root, slug, `${slug}.epub`))
    .filter((file) => existsSync(file));
}

test.each(SITES)(
  '%s: Ace by DAISY finds no violation in any EPUB, and the conformance claim names its evaluator',
  async (_name, siteDir) => {
    const files = epubs(siteDir());
    expect(files.length).toBeGreaterThan(0);
    // One at a time: each run starts a browser, and the machine may be running epubcheck's Java beside it.
    for (const file of files) {
      const report = await runAce(file);
      expect(formatAceViolations(report.violations), `Ace on ${file}`).toBe('');
      expect(report.outcome, `Ace on ${file}`).toBe('pass');
      // The package claims WCAG 2.2 AA (dcterms:conformsTo): EPUB Accessibility 1.1 asks who evaluated it.
      expect(report.missingMetadata, `Ace on ${file}`).not.toContain('a11y:certifiedBy');
    }
  },
);
