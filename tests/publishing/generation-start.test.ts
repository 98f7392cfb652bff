import { expect, test } from 'vitest';
import { generationStart } from '../../src/publishing/generation-start.ts';

test('Astro begins to write pages once its client bundle is written, not its server bundles', () => {
  const { plugin, begun } = generationStart();
  const writeBundle = plugin.writeBundle as unknown as (this: { environment: { name: string } }) => void;
  expect(plugin.apply).toBe('build');
  expect(begun()).toBe(false);
  writeBundle.call({ environment: { name: 'prerender' } });
  writeBundle.call({ environment: { name: 'ssr' } });
  expect(begun()).toBe(false);
  writeBundle.call({ environment: { name: 'client' } });
  expect(begun()).toBe(true);
});
