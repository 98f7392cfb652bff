import type { Nodes } from 'mdast';
import { isHtmlElement, isJsxElement, staticValue, type JsxElement } from './jsx.ts';
import { walk, type Findings } from './rule.ts';
import { isOtherOrigin, srcsetUrls, unsafeScheme } from './urls.ts';

/**
 * Elements an essay may not contain, and what to write instead. The site promises a strict
 * Content-Security-Policy (no inline script or style) and no request to another origin;
 * each of these would break one or the other, or belongs to the page's head.
 */
const FORBIDDEN_ELEMENTS: Readonly<Record<string, string>> = {
  script:
    "the site publishes no script written in an essay (its Content-Security-Policy allows none)|remove it; if the essay needs something interactive, ask for a component of the site's (docs/authoring.md lists those there are)",
  style:
    "inline styles break the site's Content-Security-Policy (style-src 'self')|remove it; styles belong in the site's stylesheets, not in an essay",
  iframe:
    'an embedded page makes a request to another site, which the site promises never to do|link to the page instead: [what it shows](https://…)',
  frame:
    'an embedded page makes a request to another site, which the site promises never to do|link to the page instead: [what it shows](https://…)',
  frameset: 'frames are not part of an essay|remove it and link to the page instead',
  object:
    'embedded objects run plugins or load other pages, which the site never does|use an image next to the essay (![alt text](./file.png)) or a link to the file',
  embed:
    'embedded objects run plugins or load other pages, which the site never does|use an image next to the essay (![alt text](./file.png)) or a link to the file',
  applet: 'embedded objects run plugins or load other pages, which the site never does|remove it',
  form: "a form would send readers' input somewhere; the site is static and has none|remove it; link to the form on its own site instead",
  base: 'it would change where every link of the page points|remove it; the site sets its base path with BASE_PATH',
  meta: "it belongs to the page's head, which the layout writes|remove it; frontmatter gives the title and description",
  link: "it belongs to the page's head, which the layout writes|remove it; to link to a page, write [text](url)",
};

/** Attributes that make the browser fetch something as the page loads. */
const LOADING_ATTRIBUTES = new Set([
  'src',
  'srcset',
  'poster',
  'data',
  'background',
  'href',
  'xlink:href',
  'imagesrcset',
  'manifest',
  'ping',
]);
/** Elements whose `href` loads something rather than being followed by the reader. */
const LOADING_HREF_ELEMENTS = new Set(['link', 'image', 'use', 'feimage']);

function forbidden(element: string): [reason: string, instead: string] | undefined {
  const entry = FORBIDDEN_ELEMENTS[element.toLowerCase()];
  if (!entry) return undefined;
  const [reason = '', instead = ''] = entry.split('|');
  return [reason, instead];
}

/** `<img src="…">` and the like that would load from another origin: a request the reader never asked for. */
function loadsFromElsewhere(element: JsxElement, name: string, value: string): boolean {
  const lower = name.toLowerCase();
  if (!LOADING_ATTRIBUTES.has(lower)) return false;
  // `ping` sends a request wherever it stands, `<a>` included: the one element where it works.
  if ((lower === 'href' || lower === 'xlink:href') && !LOADING_HREF_ELEMENTS.has((element.name ?? '').toLowerCase())) return false;
  const urls = lower.endsWith('srcset') ? srcsetUrls(value) : [value];
  return urls.some(isOtherOrigin);
}

/**
 * Raw HTML and URLs that would put a script, a handler, an inline style or a request to
 * another origin in the page: each an error at the element, saying what to write instead.
 * A link *to* another site is fine; loading something *from* one is not.
 */
export function checkUnsafeHtml(tree: Readonly<Nodes>, findings: Findings): void {
  // A reference-style image (`![alt][label]`) loads the address its definition gives.
  const definitions = new Map<string, string>();
  for (const { node } of walk(tree)) if (node.type === 'definition') definitions.set(node.identifier.toLowerCase(), node.url);
  for (const { node } of walk(tree)) {
    if (node.type === 'imageReference') {
      const url = definitions.get(node.identifier.toLowerCase());
      if (url !== undefined && isOtherOrigin(url)) {
        findings.error(
          node,
          `the image [${node.label ?? node.identifier}] would be loaded from another site (${url}), a request the site promises never to make.`,
          'download the image into the essays folder, next to the essay, and give the definition its path: [label]: ./file-name.png.',
        );
      }
      continue;
    }
    if (node.type === 'link' || node.type === 'image' || node.type === 'definition') {
      const scheme = unsafeScheme(node.url);
      if (scheme) {
        findings.error(
          node,
          `a ${scheme}: URL in a ${node.type === 'image' ? 'Markdown image' : 'Markdown link'} would put code or a hidden document in the page.`,
          'link to a web page (https://…) or to a file next to the essay (./file.png) instead.',
        );
      } else if (node.type === 'image' && isOtherOrigin(node.url)) {
        findings.error(
          node,
          `the image ${node.url} would be loaded from another site, a request the site promises never to make.`,
          'download the image into the essays folder, next to the essay, and write ![alt text](./file-name.png).',
        );
      }
      continue;
    }
    if (!isJsxElement(node)) continue;
    const name = node.name ?? '';
    const banned = isHtmlElement(node) ? forbidden(name) : undefined;
    if (banned) {
      findings.error(node, `<${name}> is not allowed in an essay: ${banned[0]}.`, `${banned[1]}.`);
      continue;
    }
    for (const attribute of node.attributes) {
      if (attribute.type !== 'mdxJsxAttribute') {
        if (isHtmlElement(node))
          findings.error(
            node,
            `<${name} {…}> spreads attributes that cannot be checked before the page is built.`,
            'write each attribute out as name="value".',
          );
        continue;
      }
      checkAttribute(node, attribute.name, staticValue(attribute), findings);
    }
  }
}

function checkAttribute(element: JsxElement, attribute: string, value: string | null | undefined, findings: Findings): void {
  const name = element.name ?? '';
  const lower = attribute.toLowerCase();
  if (/^on./.test(lower)) {
    findings.error(
      element,
      `<${name} ${attribute}> is an event handler: a script in the page, which the site's Content-Security-Policy forbids.`,
      `remove ${attribute}; the page works without scripts written in the essay.`,
    );
    return;
  }
  if (lower === 'style') {
    findings.error(
      element,
      `<${name} style> is an inline style, which the site's Content-Security-Policy (style-src 'self') blocks.`,
      "remove the style attribute; styles belong in the site's stylesheets, not in an essay.",
    );
    return;
  }
  if (value === null && isHtmlElement(element) && (LOADING_ATTRIBUTES.has(lower) || lower === 'action' || lower === 'formaction')) {
    findings.error(
      element,
      `<${name} ${attribute}={…}> is an address computed when the page is built, which cannot be checked.`,
      `write it out as ${attribute}="…".`,
    );
    return;
  }
  if (typeof value !== 'string') return;
  const scheme = unsafeScheme(value);
  if (scheme) {
    findings.error(
      element,
      `<${name} ${attribute}="${value.trim().slice(0, 40)}"> is a ${scheme}: URL, which would put code or a hidden document in the page.`,
      'link to a web page (https://…) or to a file next to the essay (./file.png) instead.',
    );
    return;
  }
  if (lower === 'ping' && isHtmlElement(element) && loadsFromElsewhere(element, attribute, value)) {
    findings.error(
      element,
      `<${name} ping="${value}"> would tell another site each time the link is followed, a request the site promises never to make.`,
      'remove the ping attribute; the link works without it.',
    );
    return;
  }
  if (isHtmlElement(element) && loadsFromElsewhere(element, attribute, value)) {
    findings.error(
      element,
      `<${name} ${attribute}="${value}"> would load from another site, a request the site promises never to make.`,
      'download the file into the essays folder, next to the essay, and refer to it as ./file-name (or link to it with [text](https://…)).',
    );
  }
}
