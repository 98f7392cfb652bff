import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect, test } from 'vitest';
import { describeOptions } from '../../src/config/options.ts';
import { BUILD_STEPS } from '../../src/publishing/build-steps.ts';
import { ROOT } from '../support/build-site.ts';

const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
const DOCS = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((file) => file.endsWith('.md'))
    .map((file) => `docs/${file}`),
];

test('the README fits in a head: at most 250 lines', () => {
  expect(read('README.md').split('\n').length).toBeLessThanOrEqual(250);
});

test('every component an author writes is documented in docs/authoring.md, with an example', () => {
  const index = read('src/essay/components/index.ts');
  const components =
    /essayComponents = \{([^}]+)\}/
      .exec(index)?.[1]
      ?.split(',')
      .map((name) => name.trim()) ?? [];
  // The plugin adds the notes list and its items; an author never writes them.
  const authored = components.filter((name) => !['EssayNotes', 'EssayNote'].includes(name));
  expect(authored.length).toBeGreaterThanOrEqual(6);
  const authoring = read('docs/authoring.md');
  for (const name of authored) expect(authoring, name).toMatch(new RegExp(`<${name}[\\s>/]`));
});

test('every option is in docs/configuration.md, and every build step in docs/architecture.md', () => {
  const configuration = read('docs/configuration.md');
  for (const { name } of describeOptions()) expect(configuration, name).toContain(`| \`${name}\` |`);
  const architecture = read('docs/architecture.md');
  for (const step of BUILD_STEPS) expect(architecture, step.name).toContain(`**${step.name}**`);
});

test('every link between the docs names a file that exists', () => {
  for (const file of DOCS) {
    // Links in examples (fenced code, inline code) are an essay's, not the docs'.
    const prose = read(file)
      .replace(/```[\s\S]*?```/g, '')
      .replace(/`[^`\n]*`/g, '');
    for (const [, target = ''] of prose.matchAll(/\]\((?!https?:|mailto:|#)([^)#\s]+)/g)) {
      expect(existsSync(join(ROOT, dirname(file), target)), `${file} links to ${target}`).toBe(true);
    }
  }
});

test('every `npm run` command the docs name is a script of the project', () => {
  const scripts = Object.keys((JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts);
  for (const file of DOCS) {
    for (const [, script = ''] of read(file).matchAll(/npm run ([a-z][\w:-]*)/g))
      expect(scripts, `${file}: npm run ${script}`).toContain(script);
  }
});
