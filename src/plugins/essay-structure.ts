import { isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineMdastPlugin } from 'satteri';
import type { MdastNode, MdastPluginDefinition, MdastTarget, MdastVisitorContext, PluginFactoryContext } from 'satteri';
import { formatProblems } from '../lib/essay-checks.ts';
import { analyzeEssay, isEssayComponent, type Note, type Occurrence, type Source, type TreeNode } from '../lib/essay-structure.ts';
import { settings } from '../lib/settings.ts';
import { createHeadingIds, idPrefix } from '../lib/ids.ts';
import { essaySlug } from '../lib/slug.ts';

type Attribute = { type: 'mdxJsxAttribute'; name: string; value: string | { type: 'mdxJsxAttributeValueExpression'; value: string } };

const text = (name: string, value: string): Attribute => ({ type: 'mdxJsxAttribute', name, value });
/** A prop passed as a JavaScript value (numbers, arrays, objects) rather than a string. */
const data = (name: string, value: unknown): Attribute => ({
  type: 'mdxJsxAttribute',
  name,
  value: { type: 'mdxJsxAttributeValueExpression', value: JSON.stringify(value ?? null) },
});

function element(node: TreeNode, attributes: Attribute[], children: readonly TreeNode[] | undefined = node.children): MdastNode {
  return { type: node.type, name: node.name, attributes, children: children ?? [] } as unknown as MdastNode;
}

function noteProps(note: Note, lang: string): Attribute[] {
  return [text('kind', note.kind), text('lang', lang), data('source', note.source), ...(note.needed ? [text('needed', note.needed)] : [])];
}

/** Where the essay being compiled sits, and how its ids and labels are made. */
function essayContext(fileURL: URL | undefined, frontmatter: Record<string, unknown>) {
  const path = fileURL ? fileURLToPath(fileURL) : 'essay.mdx';
  return {
    file: relative(process.cwd(), path),
    prefix: idPrefix(essaySlug(relative(resolve(settings().essaysDir), path), frontmatter['slug'])),
    lang: typeof frontmatter['lang'] === 'string' ? frontmatter['lang'] : 'en',
  };
}

/** True for a file inside the essays folder (ESSAYS_DIR, or content/essays/). */
function isEssayFile(path: string): boolean {
  const inside = relative(resolve(settings().essaysDir), path);
  return inside !== '' && !inside.startsWith('..') && !isAbsolute(inside);
}

/**
 * Sätteri (Astro 7's Markdown engine) plugin that gives an essay its structure at build
 * time, with the whole document in view: numbers notes and scenarios in reading order,
 * checks every source and scenario reference, gives headings ids and self-links, and
 * appends the Notes list. The components then only render the props it sets.
 *
 * Sätteri's visitors hand over just the headings and components, in document order,
 * from its Rust walk; walking the whole tree in JavaScript instead made a long essay's
 * compile ten times slower (scripts/bench/essay-structure.ts).
 */
export function essayStructure(context?: PluginFactoryContext): MdastPluginDefinition | null {
  // Only essays get an essay's structure: any other Markdown or MDX the site compiles (a
  // page in src/pages/, say) is left as written. Returning null leaves the plugin out.
  if (context?.fileURL && !isEssayFile(fileURLToPath(context.fileURL))) return null;
  // Sätteri calls a plugin factory once per compile: this state belongs to one essay.
  const components: Occurrence[] = [];
  const headingId = createHeadingIds();
  const collect = (node: TreeNode, ctx: MdastVisitorContext): void => {
    if (isEssayComponent(node)) components.push({ node, parent: ctx.parent(node as unknown as MdastTarget) as unknown as TreeNode | undefined });
  };
  return defineMdastPlugin({
    name: 'essay-structure',
    options: { position: true },
    // Headings: ids from one slugger in reading order, and the heading text as its own link.
    heading(node, ctx) {
      const id = headingId(ctx.textContent(node));
      ctx.replaceNode(node, {
        type: 'heading',
        depth: node.depth,
        // tabindex -1: following a contents link moves keyboard focus to the heading itself.
        data: { hProperties: { id, tabIndex: -1 } },
        // Not an mdast link: its URL would be percent-encoded, and `#%D0%BC…` does not match
        // the id `мир` for every checker. An element with its own href keeps the id as written.
        children: [{ type: 'emphasis', data: { hName: 'a', hProperties: { href: `#${id}`, className: ['heading-link'] } }, children: node.children }],
      } as unknown as MdastNode);
    },
    footnoteReference: (node, ctx) => collect(node as unknown as TreeNode, ctx),
    mdxJsxTextElement: (node, ctx) => collect(node as unknown as TreeNode, ctx),
    mdxJsxFlowElement: (node, ctx) => collect(node as unknown as TreeNode, ctx),
    after(root, ctx) {
      const frontmatter = (ctx.data.astro?.frontmatter ?? {}) as Record<string, unknown>;
      const { file, prefix, lang } = essayContext(ctx.fileURL, frontmatter);
      const structure = analyzeEssay(components, { file, idPrefix: prefix, sources: frontmatter['sources'] as Source[] | undefined });
      if (structure.problems.length > 0) throw new Error(`The essay has ${structure.problems.length} problem(s) to fix:\n${formatProblems(structure.problems)}`);
      const replace = (node: TreeNode, attributes: Attribute[], children?: readonly TreeNode[]) =>
        ctx.replaceNode(node as unknown as MdastNode, element(node, attributes, children));

      for (const note of structure.notes) {
        for (const reference of note.references) {
          const { id, label, previewId } = reference;
          replace(reference.node, [text('id', id), text('href', `#${note.id}`), text('label', label), text('previewId', previewId), ...noteProps(note, lang)], note.body.children);
        }
      }
      for (const scenario of structure.scenarioLists.flatMap((list) => list.scenarios)) {
        replace(scenario.node, [text('id', scenario.id), text('title', scenario.title), data('number', scenario.number), text('lang', lang)]);
      }
      for (const { node, target } of structure.scenarioReferences) {
        replace(node, [text('href', `#${target.id}`), data('number', target.number), text('title', target.title), text('lang', lang)]);
      }
      if (structure.notes.length === 0) return;

      // Lets the page add "Notes" to the contents (read back as remarkPluginFrontmatter).
      if (ctx.data.astro) ctx.data.astro.frontmatter['notesId'] = `${prefix}notes`;
      const notes = structure.notes.map((note) =>
        element({ type: 'mdxJsxFlowElement', name: 'EssayNote' }, [
          text('id', note.id),
          data('number', note.number),
          data('backlinks', note.references.map((reference) => ({ href: `#${reference.id}`, label: reference.label, letter: reference.letter }))),
          ...noteProps(note, lang),
        ], note.body.children),
      );
      ctx.appendChild(root, element({ type: 'mdxJsxFlowElement', name: 'EssayNotes' }, [text('lang', lang), text('id', `${prefix}notes`), data('sources', structure.citedSources)], notes as unknown as TreeNode[]));
    },
  });
}
