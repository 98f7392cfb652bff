/**
 * A site given to a benchmark that sets sites side by side (`bench:reading`, `bench:lighthouse`):
 * `<label>=<dir>[:<page path>]`. Without a page, the page `npm run bench` weighs: the first
 * essay, else the page with the most text Pagefind indexes (a Starlight site), else the home page.
 */
import { resolve } from 'node:path';
import { defaultPage } from './page-weight.ts';
import type { Site } from './reading-page.ts';

export function parseSiteArgument(argument: string): Site {
  const equals = argument.indexOf('=');
  if (equals < 1) throw new Error(`A site is <label>=<dir>[:<page path>], not "${argument}".`);
  const label = argument.slice(0, equals);
  const [dirPart = '', ...pageParts] = argument.slice(equals + 1).split(':');
  // npm runs the script in the project's folder; a relative dir is read from where npm was run, as `npm run bench -- <dir>` reads it.
  const dir = resolve(process.env['INIT_CWD'] ?? process.cwd(), dirPart);
  const page = pageParts.length > 0 ? pageParts.join(':').replace(/^\/+/, '') : defaultPage(dir);
  return { label, dir, page };
}
