import { expect, test } from 'vitest';
import { fillOfflineSizes } from '../../src/offline/offline-sizes.ts';
import { siteList } from '../../src/offline/offline-files.ts';

const LIST = siteList([
  { file: 'essays/a/index.html', revision: 'a', bytes: 1_200_000 },
  { file: 'essays/b/index.html', revision: 'b', bytes: 600_000 },
  { file: 'essays/a/a.epub', revision: 'e', bytes: 850_000 },
]);

const CONTROL =
  '<button>Save<span data-offline-size="site"></span></button><label>Downloads<span class="x" data-offline-size="downloads"></span></label>';

test("the home page's save control says how much saving downloads, in the site's language", () => {
  expect(fillOfflineSizes(CONTROL, LIST, 'en')).toBe(
    '<button>Save<span data-offline-size="site"> (2 essays, 1.8 MB)</span></button><label>Downloads<span class="x" data-offline-size="downloads"> (850 KB more)</span></label>',
  );
  expect(fillOfflineSizes(CONTROL, LIST, 'fr')).toContain('> (2 essais, 1,8 MB)</span>');
  expect(fillOfflineSizes(CONTROL, LIST, 'de')).toContain('> (850 KB mehr)</span>');
});

test('a page without the control is left as it is', () => {
  expect(fillOfflineSizes('<p>No essays yet.</p>', LIST, 'en')).toBe('<p>No essays yet.</p>');
});
