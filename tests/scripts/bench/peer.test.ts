import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { editedEssay, firstInPair, rebuildSize } from '../../../scripts/bench/peer-builds.ts';
import { createPeer, PEER_VERSIONS } from '../../../scripts/bench/peer-starlight.ts';
import { starlightPage } from '../../../scripts/bench/starlight-page.ts';

const ESSAY = `---
title: "On Time: a study"
description: Why clocks disagree.
lang: en
---
import Chart from './chart.png';

Clocks disagree.<Footnote needed="A survey of clocks." /> Nobody winds them<Footnote source="a" />.

<Scenarios>
  <Scenario title="Drift">Clocks drift apart.</Scenario>
  <Scenario title="Reset">Someone resets them.</Scenario>
</Scenarios>

As in <ScenarioRef n={1}>the first scenario</ScenarioRef>, they drift.<Footnote>Every clock drifts.</Footnote>
`;

test('an essay as a Starlight page: title and description only, notes as footnotes, scenarios as a numbered list', () => {
  expect(starlightPage(ESSAY)).toBe(`---
title: "On Time: a study"
description: Why clocks disagree.
---


Clocks disagree.[^1] Nobody winds them[^2].

1. **Drift.** Clocks drift apart.
2. **Reset.** Someone resets them.

As in the first scenario, they drift.[^3]

[^1]: A survey of clocks.
[^2]: A source.
[^3]: Every clock drifts.
`);
});

test('the first essay of the site converts with none of our components left', () => {
  const essay = readFileSync(resolve(import.meta.dirname, '../../../content/essays/trumps-envoy-third-meeting-with-putin.mdx'), 'utf8');
  const page = starlightPage(essay);
  expect(page).not.toMatch(/<[A-Z]/);
  expect(page).toContain('[^8]: ');
});

test('an edit adds a sentence to the last paragraph, and nothing else', () => {
  expect(editedEssay('---\ntitle: A\n---\n\nFirst.\n\nLast one.\n\n<Notes />\n')).toBe(
    '---\ntitle: A\n---\n\nFirst.\n\nLast one. One sentence added for the rebuild.\n\n<Notes />\n',
  );
});

test('the rebuild measured is of 500 essays, or the largest site up to 500, or the smallest', () => {
  expect(rebuildSize([1, 500, 1000])).toBe(500);
  expect(rebuildSize([1, 100])).toBe(100);
  expect(rebuildSize([1000, 2000])).toBe(1000);
  expect(rebuildSize([])).toBeUndefined();
});

test('the site that builds first changes with each run, starting with ours', () => {
  expect([1, 2, 3, 4].map(firstInPair)).toEqual(['ours', 'peer', 'ours', 'peer']);
});

const scratch = mkdtempSync(join(tmpdir(), 'peer-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

test('the peer project pins Starlight and Astro, reads the settings our builds read, and has the essay as its page', () => {
  const essayFile = join(scratch, 'on-time.mdx');
  writeFileSync(essayFile, ESSAY);
  createPeer(scratch, { install: false, essayFile });
  expect(readFileSync(join(scratch, 'src/content/docs/on-time.md'), 'utf8')).toBe(starlightPage(ESSAY));
  expect(JSON.parse(readFileSync(join(scratch, 'package.json'), 'utf8')).dependencies).toEqual(PEER_VERSIONS);
  const config = readFileSync(join(scratch, 'astro.config.mjs'), 'utf8');
  for (const name of ['SITE_URL', 'OUT_DIR', 'CACHE_DIR']) expect(config).toContain(`env.${name}`);
  expect(readFileSync(join(scratch, 'src/content.config.ts'), 'utf8')).toContain('process.env.ESSAYS_DIR');
  expect(existsSync(join(scratch, 'node_modules'))).toBe(false);
});
