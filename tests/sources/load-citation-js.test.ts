import { expect, test } from 'vitest';
import { citationJs } from '../../src/sources/load-citation-js.ts';
import { citationJsLoadedBy } from '../support/citation-js-loaded.ts';

test('loading the integration loads none of Citation.js: a build that needs none never pays for it', () => {
  expect(citationJsLoadedBy("await import('./src/index.ts');").loaded).toEqual([]);
});

test('once asked for, it comes with the plugins the sources use (RIS, BibTeX, CSL)', () => {
  const { Cite, plugins } = citationJs();
  expect(new Cite({ id: 'a', type: 'post-weblog', title: 'On Time' }).format('ris')).toMatch(/^TI {2}- On Time/m);
  expect(new Cite('@online{k, title={On Tides}}', { forceType: '@biblatex/text' }).data[0]?.['title']).toBe('On Tides');
  expect(plugins.config.get('@csl')).toHaveProperty('styles');
  expect(citationJs()).toBe(citationJs());
});
