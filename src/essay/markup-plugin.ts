import { isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Blockquote, Heading, RootContent, Table } from 'mdast';
import type { Position } from 'unist';
import { defineMdastPlugin } from 'satteri';
import type {
  MdastPluginDefinition,
  MdxJsxAttributeNode as MdxJsxAttribute,
  MdxJsxFlowElement,
  MdxJsxTextElement,
  PluginFactoryContext,
} from 'satteri';
import { formatProblems } from '../authoring/problems.ts';
import type { AddedElement } from './kinds/kind.ts';
import type { Occurrence } from './kinds/tree.ts';
import { essaySources } from '../sources/essay-sources.ts';
import { analyzeEssay, isEssayComponent, renderEssay } from './structure.ts';
import { createHeadingIds, idPrefix } from './ids.ts';
import { checkEssayFolder, checksOnCompile } from '../authoring/essay-folder.ts';
import { essaySlug } from './slug.ts';
import { resolveLabels, type SiteLabels } from '../strings/labels.ts';
import { languageMark } from '../strings/marking.ts';
import { opensNewTab, withNewTabLinksMarked } from './new-tab-links.ts';
import { withBase, withLinksRebased } from './base-links.ts';

/** A component's props as JSX attributes: strings as written, anything else as a JavaScript value. */
function attributes(props: Record<string, unknown>): MdxJsxAttribute[] {
  return Object.entries(props).map(([name, value]) => ({
    type: 'mdxJsxAttribute',
    name,
    value: typeof value === 'string' ? value : { type: 'mdxJsxAttributeValueExpression', value: JSON.stringify(value ?? null) },
  }));
}

/** One of our components, added by the plugin (the Notes list and its items). */
function addedElement({ name, props, children }: AddedElement): MdxJsxFlowElement {
  return {
    type: 'mdxJsxFlowElement',
    name,
    attributes: attributes(props),
    children: children.map((child) => ('props' in child ? addedElement(child) : child)) as MdxJsxFlowElement['children'],
  };
}

/** Whether the source range `outer` holds `inner`. */
function contains(outer: Position | undefined, inner: Position | undefined): boolean {
  if (!outer || !inner) return false;
  return (outer.start.offset ?? 0) <= (inner.start.offset ?? 0) && (inner.end.offset ?? 0) <= (outer.end.offset ?? 0);
}

/** What the plugin needs of the site's options. */
export interface EssayMarkupOptions {
  /** The project's folder: the essays folder and the paths in messages are relative to it. */
  root: string;
  essaysDir: string;
  base: string;
  essaysPerPage: number;
  strict: boolean;
  /** The site's own labels, its modules loaded (src/strings/site-labels.ts). */
  strings: SiteLabels;
  runEssayCode?: boolean;
  /** The site's bibliography files and citation style (src/sources/). */
  bibliography?: readonly string[];
  csl?: string | undefined;
}

/** True for a file inside the essays folder. */
export function isEssayFile(essaysDir: string, path: string): boolean {
  const inside = relative(essaysDir, path);
  return inside !== '' && !inside.startsWith('..') && !isAbsolute(inside);
}

/**
 * Sätteri (Astro 7's Markdown engine) plugin that gives an essay its structure at build
 * time, with the whole document in view: gives headings ids and self-links, and hands the
 * essay's components (src/essay/structure.ts: notes, scenarios, figures) to their
 * kinds, which number and check them; the components then only render the props set here.
 *
 * Sätteri's visitors hand over just the headings and components, in document order,
 * from its Rust walk; walking the whole tree in JavaScript instead made a long essay's
 * compile ten times slower (scripts/bench/essay-structure.ts).
 */
export function essayMarkup(
  options: EssayMarkupOptions = {
    root: process.cwd(),
    essaysDir: 'content/essays',
    base: '/',
    essaysPerPage: 50,
    strict: false,
    strings: {},
  },
): (context?: PluginFactoryContext) => MdastPluginDefinition | null {
  const essaysDir = resolve(options.root, options.essaysDir);
  return (context) => essayMarkupFor(context, options, essaysDir);
}

function essayMarkupFor(
  context: PluginFactoryContext | undefined,
  options: EssayMarkupOptions,
  essaysDir: string,
): MdastPluginDefinition | null {
  // Only essays get an essay's structure: any other Markdown or MDX the site compiles (a
  // page in src/pages/, say) is left as written. Returning null leaves the plugin out.
  if (context?.fileURL && !isEssayFile(essaysDir, fileURLToPath(context.fileURL))) return null;
  // Sätteri calls a plugin factory once per compile: this state belongs to one essay.
  const components: Occurrence[] = [];
  // Links the author asked to open in a new tab (`<a target="_blank">`), told apart in `after`.
  const newTabLinks: Array<MdxJsxFlowElement | MdxJsxTextElement> = [];
  // HTML links written from the site's root (`<a href="/search/">`), given the base path in `after`.
  const rootLinks: Array<MdxJsxFlowElement | MdxJsxTextElement> = [];
  // Markdown tables, each given a labelled region of its own that scrolls sideways in `after`.
  const tables: Table[] = [];
  const headingId = createHeadingIds();
  // The depth of the last heading visited: Sätteri visits headings and components in reading
  // order, so this is the section each component is in (1, the title, before any heading).
  let sectionDepth = 1;
  return defineMdastPlugin({
    name: 'essay-structure',
    options: { position: true },
    // Headings: ids from one slugger in reading order. Not links to themselves: a self-link
    // on every heading is a tab stop each, and a heading in link colour in forced colours;
    // the contents and the search results link to sections.
    heading(node, ctx) {
      sectionDepth = node.depth;
      const id = headingId(ctx.textContent(node));
      const heading: Heading = {
        type: 'heading',
        depth: node.depth,
        // tabindex -1: following a contents link moves keyboard focus to the heading itself.
        data: { hProperties: { id, tabIndex: -1 } },
        children: node.children,
      };
      ctx.replaceNode(node, heading);
    },
    table(node) {
      tables.push(node);
    },
    // A block of code is told apart from the other <pre><code> (the BibTeX the page shows) by a
    // class, so that a page without one carries no rules for it (src/publishing/inline-assets.ts).
    code(node, ctx) {
      const className = ['code-block', ...(node.lang ? [`language-${node.lang}`] : [])];
      ctx.replaceNode(node, { ...node, data: { ...node.data, hProperties: { ...node.data?.hProperties, className } } });
    },
    // A link from the site's root works at any base path: the base is written in here.
    link(node, ctx) {
      const url = withBase(node.url, options.base);
      if (url !== node.url) ctx.setField(node, 'url', url);
    },
    definition(node, ctx) {
      const url = withBase(node.url, options.base);
      if (url !== node.url) ctx.setField(node, 'url', url);
    },
    footnoteReference(node, ctx) {
      components.push({ node, parent: ctx.parent(node), sectionDepth });
    },
    mdxJsxTextElement(node, ctx) {
      if (node.name === 'a' && opensNewTab(node.attributes)) newTabLinks.push(node);
      else if (node.name === 'a' && withLinksRebased(node, options.base) !== node) rootLinks.push(node);
      else if (isEssayComponent(node)) components.push({ node, parent: ctx.parent(node), sectionDepth });
    },
    mdxJsxFlowElement(node, ctx) {
      if (node.name === 'a' && opensNewTab(node.attributes)) newTabLinks.push(node);
      else if (node.name === 'a' && withLinksRebased(node, options.base) !== node) rootLinks.push(node);
      else if (isEssayComponent(node)) components.push({ node, parent: ctx.parent(node), sectionDepth });
    },
    after(root, ctx) {
      const frontmatter = ctx.data.astro?.frontmatter ?? {};
      const path = ctx.fileURL ? fileURLToPath(ctx.fileURL) : 'essay.mdx';
      const file = relative(options.root, path);
      // In `npm run dev`, every check of the build runs again on each save of the essay, so
      // a mistake shows in the terminal and the browser's error overlay, never as a page
      // with a silently corrected value (a date rolled over, a typo'd key dropped).
      if (ctx.fileURL && checksOnCompile()) {
        const { problems } = checkEssayFolder(options.root, options, path);
        const stopping = problems.filter((problem) => problem.severity !== 'warning' || options.strict);
        const [first] = stopping;
        if (first)
          // Where the first mistake is, so the error overlay's code frame shows its line.
          throw Object.assign(
            new Error(
              `The essay has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`} to fix:\n${formatProblems(problems)}`,
            ),
            { loc: { file: path, line: first.line ?? 1, column: first.column ?? 1 } },
          );
        if (problems.length > 0) console.warn(formatProblems(problems));
      }
      const prefix = idPrefix(essaySlug(relative(essaysDir, path), frontmatter['slug']));
      const lang = typeof frontmatter['lang'] === 'string' ? frontmatter['lang'] : 'en';
      const labels = resolveLabels(lang, options.strings);
      // The words go inside the link, so they are part of its name wherever it is read; in
      // English where the essay's language lacks them, with their own lang and dir.
      const hintMark = languageMark(labels.langOf('opensInNewTab'), lang);
      const hint: MdxJsxTextElement = {
        type: 'mdxJsxTextElement',
        name: 'span',
        attributes: [
          { type: 'mdxJsxAttribute', name: 'class', value: 'visually-hidden' },
          ...(hintMark
            ? [
                { type: 'mdxJsxAttribute' as const, name: 'lang', value: hintMark.lang },
                { type: 'mdxJsxAttribute' as const, name: 'dir', value: hintMark.dir },
              ]
            : []),
        ],
        children: [{ type: 'text', value: ` (${labels.labels.opensInNewTab})` }],
      };
      // A component's words are its own copy of the tree (a note copies them for the margin):
      // marked before the components render, so every copy says it, and opens safely.
      for (const occurrence of components) {
        if ('children' in occurrence.node)
          Object.assign(occurrence.node, {
            children: withNewTabLinksMarked(withLinksRebased(occurrence.node, options.base), hint).children,
          });
      }
      // Its sources and style: the checks before the build have reported any mistake in them.
      const { sources, style } = essaySources({
        root: options.root,
        file,
        frontmatter,
        site: { bibliography: options.bibliography ?? [], csl: options.csl },
      });
      const structure = analyzeEssay(components, { file, idPrefix: prefix, sources });
      if (structure.problems.length > 0)
        throw new Error(`The essay has ${structure.problems.length} problem(s) to fix:\n${formatProblems(structure.problems)}`);

      const rendering = renderEssay(structure, { idPrefix: prefix, lang, style, labels });
      for (const { node, props, children } of rendering.replacements) {
        const element = {
          type: node.type,
          name: node.name,
          attributes: attributes(props),
          children: (children ?? node.children) as ReadonlyArray<RootContent>,
        };
        ctx.replaceNode(node, element as MdxJsxFlowElement | MdxJsxTextElement);
      }
      if (rendering.appended.length > 0) ctx.appendChild(root, rendering.appended.map(addedElement));
      for (const link of newTabLinks) ctx.replaceNode(link, withNewTabLinksMarked(withLinksRebased(link, options.base), hint));
      // A link inside a component is given the base with the component's words, above.
      const inComponent = (link: MdxJsxFlowElement | MdxJsxTextElement) =>
        components.some(({ node }) => contains(node.position, link.position));
      for (const link of rootLinks) if (!inComponent(link)) ctx.replaceNode(link, withLinksRebased(link, options.base));
      // A wide table scrolls inside its own region instead of making the page scroll sideways
      // (WCAG 1.4.10 at 320 px); the region is named and reachable by keyboard, so it can be
      // scrolled without a mouse. A table in a <Figure> scrolls inside the figure instead.
      // Where the essay's language lacks the word, the region holds the essay's table, so it
      // cannot carry English's lang itself: it is named by a hidden element that does.
      const tableMark = languageMark(labels.langOf('table'), lang);
      for (const [index, table] of tables.entries()) {
        const name = labels.labels.table(index + 1);
        const nameId = `${prefix}table-${index + 1}-name`;
        const region = {
          type: 'blockquote',
          data: {
            hName: 'div',
            hProperties: {
              className: ['table-scroll'],
              role: 'region',
              tabIndex: 0,
              ...(tableMark ? { ariaLabelledBy: [nameId] } : { ariaLabel: name }),
            },
          },
          children: [
            ...(tableMark
              ? [
                  {
                    type: 'paragraph' as const,
                    data: { hName: 'span', hProperties: { id: nameId, hidden: true, lang: tableMark.lang, dir: tableMark.dir } },
                    children: [{ type: 'text' as const, value: name }],
                  },
                ]
              : []),
            table,
          ],
        } satisfies Blockquote;
        ctx.replaceNode(table, region);
      }
      // Read back by the page as remarkPluginFrontmatter (the Notes id for the contents).
      if (ctx.data.astro) Object.assign(ctx.data.astro.frontmatter, rendering.frontmatter);
    },
  });
}
