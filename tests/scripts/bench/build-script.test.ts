import { expect, test } from 'vitest';
import { buildNodeOptions, projectBuildNodeOptions } from '../../../scripts/bench/build-script.ts';
import { ROOT } from '../../support/build-site.ts';

test('astro build gives Node no options', () => {
  expect(buildNodeOptions('astro build')).toEqual([]);
});

test('a build script that starts Node itself gives Node its options, in order', () => {
  expect(buildNodeOptions('node --max-semi-space-size=32 node_modules/astro/bin/astro.mjs build')).toEqual(['--max-semi-space-size=32']);
  expect(buildNodeOptions('node --a=1 --b ./node_modules/astro/bin/astro.mjs build')).toEqual(['--a=1', '--b']);
  expect(buildNodeOptions('node node_modules/astro/bin/astro.mjs build')).toEqual([]);
});

test('any other build script is refused, naming the forms the benchmark reads', () => {
  expect(() => buildNodeOptions('vite build')).toThrow('neither "astro build" nor "node [--options]');
  expect(() => buildNodeOptions(undefined)).toThrow('The build script ""');
  expect(() => buildNodeOptions('STRICT=1 astro build')).toThrow('cannot run it as npm run build does');
});

test("this project's build script is one the benchmark reads", () => {
  expect(() => projectBuildNodeOptions(ROOT)).not.toThrow();
});
