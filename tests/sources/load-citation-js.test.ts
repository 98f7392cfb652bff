import { spawnSync } from 'node:child_process';
import { expect, test } from 'vitest';
import { citationJs } from '../../src/sources/load-citation-js.ts';

test('loading the integration loads none of Citation.js: a build that needs none never pays for it', () => {
  // A process of its own: this one may have loaded it already, for another test.
  const script = `
    import { createRequire } from 'node:module';
    await import('./src/index.ts');
    const loaded = Object.keys(createRequire(import.meta.url).cache).filter((file) => file.includes('@citation-js'));
    console.log(JSON.stringify(loaded));`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  expect(JSON.parse(run.stdout.trim().split('\n').at(-1) ?? 'null')).toEqual([]);
});

test('once asked for, it comes with the plugins the sources use (RIS, BibTeX, CSL)', () => {
  const { Cite, plugins } = citationJs();
  expect(new Cite({ id: 'a', type: 'post-weblog', title: 'On Time' }).format('ris')).toMatch(/^TI {2}- On Time/m);
  expect(new Cite('@online{k, title={On Tides}}', { forceType: '@biblatex/text' }).data[0]?.['title']).toBe('On Tides');
  expect(plugins.config.get('@csl')).toHaveProperty('styles');
  expect(citationJs()).toBe(citationJs());
});
