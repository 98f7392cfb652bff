/**
 * An essay as one HTML file that works opened from disk and makes no request at all: the
 * page's article (contents included), the site's CSS in one `<style>`, images as `data:`
 * URLs, no script, and a Content-Security-Policy that forbids every request, so nothing
 * added later can make one either.
 */
import { createHash } from 'node:crypto';
import { transform } from 'lightningcss';
import type { Element, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { resolveLabels, type SiteLabels } from '../strings/labels.ts';
import { textDirection } from '../strings/lang.ts';
import type { EssayMetadata } from './offline-article.ts';
import { copyTree, element, elements, text } from './hast-tree.ts';
import { namesClass, withoutRules } from './css-rules.ts';

/** The CSP source for a `<style>` element's exact text: `'sha256-…'`. */
export function styleHash(css: string): string {
  return `'sha256-${createHash('sha256').update(css, 'utf8').digest('base64')}'`;
}

/**
 * Allows the one inline stylesheet (by its hash, so no `'unsafe-inline'`) and `data:`
 * images, and nothing else: no script, font, frame, fetch, base URL or form target.
 */
export function contentSecurityPolicy(css: string): string {
  return `default-src 'none'; style-src ${styleHash(css)}; img-src data:; base-uri 'none'; form-action 'none'`;
}

/**
 * The stylesheets of a single file as one line of CSS, minified by lightningcss (the parser
 * the reading aids' rules are taken out with). Smaller; and the Nu Html Checker, which hashes
 * a `<style>`'s text without its line breaks, then agrees with the policy's hash instead of
 * warning that the style is blocked (browsers hash it as written, line breaks included).
 */
export function oneLineCss(stylesheets: readonly string[]): string {
  const css = withoutReadingAidRules(stylesheets.join('\n'));
  const { code } = transform({ filename: 'single-file.css', code: new TextEncoder().encode(css), minify: true });
  return new TextDecoder().decode(code).trim();
}

/**
 * The classes of the web page's reading aids (the margin copy of a note, its preview and the
 * button that opens it): a copy leaves those elements out (`data-reading-aid`), so it needs
 * none of their rules, some of which (anchor positioning) the Nu Html Checker's CSS checker
 * does not know yet.
 */
const READING_AID_CLASSES = /^(sidenote|note-toggle|note-popover)/;

/** The stylesheet without the rules whose every selector names a reading aid; the rest unchanged. */
function withoutReadingAidRules(css: string): string {
  return withoutRules(css, { selector: namesClass(READING_AID_CLASSES) });
}

const CSS_URL = /url\(\s*(?:"([^"]*)"|'([^']*)'|([^)"'\s]*))\s*\)/g;

/**
 * Every `url()` in a stylesheet becomes a `data:` URL (`toDataUrl` gives it, for images) or
 * `none` (fonts and anything else: the policy would block them, and the declaration that
 * held them is dropped by the browser, leaving the fallback).
 */
export function inlineCssUrls(css: string, toDataUrl: (url: string) => string | undefined): string {
  return css.replace(CSS_URL, (whole, double?: string, single?: string, bare?: string) => {
    const url = double ?? single ?? bare ?? '';
    if (url.startsWith('data:')) return whole;
    const data = toDataUrl(url);
    return data ? `url("${data}")` : 'none';
  });
}

/** `data:image/png;base64,…` */
export function dataUrl(bytes: Uint8Array, mediaType: string): string {
  return `data:${mediaType};base64,${Buffer.from(bytes).toString('base64')}`;
}

export interface SingleFileInput {
  metadata: EssayMetadata;
  /** The offline article (src/offline/offline-article.ts). */
  article: Element;
  /** The site's CSS for the page, with its `url()`s inlined, and the footer's. */
  css: string;
  /** Each image source the article names, as a `data:` URL. */
  images: ReadonlyMap<string, string>;
  siteTitle: string;
  /** The language of the site's chrome (SITE_LANG): the footer is in it. */
  siteLang: string;
  /** The site's own labels (the `strings` option), for the footer's words. */
  siteLabels?: SiteLabels | undefined;
}

/**
 * The single-file HTML: `<main>` holding the article as the page has it (with its contents,
 * a `<details>` that works without script), and a footer naming the site it comes
 * from, with the essay's address when the site's is known.
 */
export function singleFileHtml({ metadata, article: offline, css, images, siteTitle, siteLang, siteLabels }: SingleFileInput): string {
  // An HTML parser ends a <style> at the first "</style": CSS holding it would spill into the page.
  if (/<\/style/i.test(css)) throw new Error('The CSS contains "</style", which cannot be inlined.');
  const article = copyTree(offline);
  for (const image of elements(article).filter((node) => node.tagName === 'img')) {
    const src = String(image.properties['src'] ?? '');
    const data = images.get(src);
    if (!data) throw new Error(`The image ${src} has no data: URL.`);
    image.properties['src'] = data;
  }
  // The web page folds its contents on a phone and opens them by script on a wide screen.
  // The copy runs no script: its contents are folded as the page is (not open, filling a
  // phone's first screen), and single-file.css shows them where they have a column of their own.
  for (const details of elements(article).filter((node) => node.tagName === 'details')) delete details.properties['open'];

  // The footer is in the site's language, like the site's other chrome, and says so; in
  // English, and saying so, where the site's language lacks its words.
  const { labels, langOf } = resolveLabels(siteLang, siteLabels);
  const footerLang = langOf('offlineCopyFrom');
  const footerText = element('p', { lang: footerLang, dir: textDirection(footerLang) }, [
    text(labels.offlineCopyFrom(siteTitle)),
    ...(metadata.canonical ? [text(': '), element('a', { href: metadata.canonical }, [text(metadata.canonical)])] : [text('.')]),
  ]);
  const head = [
    element('meta', { charSet: 'utf-8' }),
    element('meta', { httpEquiv: ['Content-Security-Policy'], content: contentSecurityPolicy(css) }),
    element('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
    element('meta', { name: 'color-scheme', content: 'light dark' }),
    element('title', {}, [text(metadata.title)]),
    ...(metadata.description ? [element('meta', { name: 'description', content: metadata.description })] : []),
    ...metadata.authors.map((author) => element('meta', { name: 'author', content: author })),
    ...(metadata.canonical ? [element('link', { rel: ['canonical'], href: metadata.canonical })] : []),
    element('style', {}, [text(css)]),
  ];
  const root: Root = {
    type: 'root',
    children: [
      { type: 'doctype' },
      element('html', { lang: metadata.lang, dir: metadata.dir }, [
        element('head', {}, head),
        element('body', {}, [
          element('main', { id: 'main-content' }, [article]),
          element('footer', { className: ['site-footer'] }, [footerText]),
        ]),
      ]),
    ],
  };
  return `${toHtml(root)}\n`;
}
