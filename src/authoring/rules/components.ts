import type { Nodes } from 'mdast';
import { COMPONENT_KINDS } from '../../essay/structure.ts';
import { closest } from './closest.ts';
import { isJsxElement } from './jsx.ts';
import { walk, type Findings } from './rule.ts';

/**
 * The elements of HTML (the living standard's list, obsolete ones left out), and of SVG and
 * MathML as they appear inside an HTML page. Anything else in lowercase is a typo or an
 * element no browser knows.
 */
const HTML_ELEMENTS = new Set(
  (
    'a abbr address area article aside audio b base bdi bdo blockquote body br button canvas caption cite code col colgroup data datalist dd del ' +
    'details dfn dialog div dl dt em embed fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe img input ' +
    'ins kbd label legend li link main map mark menu meta meter nav noscript object ol optgroup option output p picture pre progress q rp rt ruby ' +
    's samp script search section select slot small source span strong style sub summary sup table tbody td template textarea tfoot th thead time ' +
    'title tr track u ul var video wbr ' +
    // SVG
    'svg g path rect circle ellipse line polyline polygon text tspan textpath defs use symbol title desc lineargradient radialgradient stop ' +
    'clippath mask pattern marker image foreignobject ' +
    // MathML
    'math mi mn mo ms mtext mrow mfrac msqrt mroot msub msup msubsup munder mover munderover mtable mtr mtd mspace mstyle semantics annotation'
  ).split(' '),
);

/** The components an essay may use without importing them: the elements the component kinds read (src/essay/components/index.ts gives them). */
export const ESSAY_COMPONENTS: readonly string[] = Object.values(COMPONENT_KINDS).flatMap((kind) => kind.elements);

/** Names an essay's own `import` and `export` statements bring in (`import Chart from './chart.astro'`). */
function importedNames(tree: Readonly<Nodes>): Set<string> {
  const names = new Set<string>();
  for (const { node } of walk(tree)) {
    if (node.type !== 'mdxjsEsm') continue;
    const code = node.value;
    for (const [, clause = ''] of code.matchAll(/import\s+([^'"]+?)\s+from\s/g)) {
      const named = /\{([^}]*)\}/.exec(clause)?.[1] ?? '';
      for (const part of named.split(',')) {
        const name = part
          .trim()
          .split(/\s+as\s+/)
          .at(-1)
          ?.trim();
        if (name) names.add(name);
      }
      const outside = clause.replace(/\{[^}]*\}/, '');
      for (const part of outside.split(',')) {
        const name = part.trim().replace(/^\*\s+as\s+/, '');
        if (/^[A-Za-z_$][\w$]*$/.test(name)) names.add(name);
      }
    }
    for (const [, name = ''] of code.matchAll(/export\s+(?:const|let|var|function|class)\s+([A-Za-z_$][\w$]*)/g)) names.add(name);
  }
  return names;
}

/**
 * Every element name must be something the page can render: one of our components or an
 * imported one (capitalised), or an HTML element (lowercase). A misspelled `<Fotnote>` would
 * fail to render without a line; a lowercase `<footnote>` would publish an unknown element.
 */
export function checkComponents(tree: Readonly<Nodes>, findings: Findings): void {
  const imported = importedNames(tree);
  const ours = [...ESSAY_COMPONENTS, ...imported];
  for (const { node } of walk(tree)) {
    if (!isJsxElement(node) || !node.name) continue;
    const { name } = node;
    const root = name.split(/[.:]/)[0] ?? name;
    if (/^[A-Z]/.test(name)) {
      if (ours.includes(name) || (name.includes('.') && imported.has(root))) continue;
      const guess = closest(name, ours);
      findings.error(
        node,
        `<${name}> is not a component this site knows${guess ? `: did you mean <${guess}>?` : '.'}`,
        guess
          ? `write <${guess}>.`
          : `use one of ${ESSAY_COMPONENTS.map((known) => `<${known}>`).join(', ')}, or import the component at the top of the essay.`,
      );
    } else if (!HTML_ELEMENTS.has(name.toLowerCase()) && !name.includes(':')) {
      const guess = closest(name, ESSAY_COMPONENTS);
      findings.error(
        node,
        `<${name}> is not an HTML element${guess ? `: did you mean <${guess}>? Components start with a capital letter` : ''}.`,
        guess
          ? `write <${guess}>.`
          : 'use an HTML element, or one of the components docs/authoring.md lists (they start with a capital letter).',
      );
    }
  }
}
