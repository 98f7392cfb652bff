// The "not saved on this device" page lists the essays that are: the essay pages in the
// saved cache, by the title of their copy. Nothing is listed where there are none, or no caches.
import { isEssayPage } from '../offline-files.ts';
import { savedCacheName } from '../offline-routes.ts';

const section = document.querySelector<HTMLElement>('[data-saved-essays]');
const list = section?.querySelector<HTMLUListElement>('[data-saved-list]');
if (section && list && 'caches' in self) void listSaved(section, list).catch(() => undefined);

async function listSaved(section: HTMLElement, list: HTMLUListElement): Promise<void> {
  const scope = new URL(import.meta.env.BASE_URL, location.href).href;
  const cache = await caches.open(savedCacheName(scope));
  const pages = (await cache.keys()).map((request) => request.url).filter((url) => isEssayPage(url.slice(scope.length)));
  const parser = new DOMParser();
  const essays = await Promise.all(
    pages.map(async (url) => {
      // Without its <style>: a parsed document keeps this page's policy, which would refuse it (and say so).
      const html = ((await (await cache.match(url))?.text()) ?? '').replace(/<style[^>]*>[\s\S]*?<\/style>/gi, '');
      const page = parser.parseFromString(html, 'text/html');
      const heading = page.querySelector('h1');
      return { url, title: heading?.textContent?.trim() || url, lang: page.documentElement.lang };
    }),
  );
  essays.sort((a, b) => a.title.localeCompare(b.title));
  list.replaceChildren(
    ...essays.map(({ url, title, lang }) => {
      const item = document.createElement('li');
      const link = item.appendChild(document.createElement('a'));
      link.href = url;
      link.textContent = title;
      if (lang && lang !== document.documentElement.lang) item.lang = lang;
      return item;
    }),
  );
  section.hidden = essays.length === 0;
}
