import type { Heading } from 'mdast';
import type { MdxJsxTextElement } from 'satteri';
import { closest } from '../../authoring/rules/closest.ts';
import { keyFromTitle, scenarioId } from '../ids.ts';
import { resolveLabels } from '../../strings/labels.ts';
import { languageMark, type LanguageMark } from '../../strings/marking.ts';
import type { ComponentKind } from './kind.ts';
import { attribute, isElement, type ComponentElement } from './tree.ts';

export interface Scenario {
  node: ComponentElement;
  /** Its number in the whole essay: a second list goes on from the first, so "Scenario 3" names one scenario. */
  number: number;
  title: string;
  id: string;
  /** The key `<ScenarioRef to="…">` uses: the `id` attribute, or the title as a slug. */
  key: string;
}

export interface ScenarioList {
  node: ComponentElement;
  /** The level of its scenarios' title headings: one below the section the list is in (h3 in an h2's section). */
  depth: Heading['depth'];
  scenarios: Scenario[];
}

export interface ScenarioReference {
  node: ComponentElement;
  target: Scenario;
}

export interface Scenarios {
  lists: ScenarioList[];
  references: ScenarioReference[];
}

const LIST = 'Scenarios';
const SCENARIO = 'Scenario';
const REFERENCE = 'ScenarioRef';

/**
 * `<Scenarios>` of `<Scenario title="…">`, numbered across the whole essay (a second list
 * goes on from the first), and `<ScenarioRef>` links to them by key (`to="…"`, before or
 * after the list) or by number (`n={2}`). Each scenario's title becomes a heading one level
 * below the section its list is in, so heading navigation and the contents reach it.
 */
export const scenarios: ComponentKind<Scenarios> = {
  elements: [LIST, SCENARIO, REFERENCE],

  analyze(occurrences, { idPrefix: prefix, problem }) {
    const lists: ScenarioList[] = [];
    const all: Scenario[] = [];
    const referenceNodes: ComponentElement[] = [];
    for (const { node, parent, sectionDepth } of occurrences) {
      if (isElement(node, LIST)) {
        lists.push({ node, depth: headingDepth(sectionDepth + 1), scenarios: [] });
      } else if (isElement(node, SCENARIO)) {
        // In document order, a Scenario directly inside a Scenarios belongs to the last list opened.
        const list = isElement(parent, LIST) ? lists.at(-1) : undefined;
        if (!list) {
          problem(
            node,
            '<Scenario> is not directly inside <Scenarios>.',
            'put every <Scenario> inside a <Scenarios> list, which numbers them.',
          );
          continue;
        }
        const title = attribute(node, 'title');
        if (typeof title !== 'string' || title.trim() === '') {
          problem(node, '<Scenario> has no title.', 'give it a title: <Scenario title="Status Quo">…</Scenario>.');
          continue;
        }
        const number = all.length + 1;
        const explicitKey = attribute(node, 'id');
        const key = typeof explicitKey === 'string' && explicitKey !== '' ? explicitKey : keyFromTitle(title, String(number));
        const scenario: Scenario = { node, number, title: title.trim(), key, id: scenarioId(prefix, key) };
        list.scenarios.push(scenario);
        all.push(scenario);
      } else if (isElement(node, REFERENCE)) {
        referenceNodes.push(node);
      }
    }

    // References are resolved after the walk, so they may come before their scenarios.
    const seenKeys = new Set<string>();
    for (const scenario of all) {
      if (seenKeys.has(scenario.key))
        problem(
          scenario.node,
          `two scenarios share the id "${scenario.key}".`,
          'give one of them a different title, or an id="…" of its own.',
        );
      seenKeys.add(scenario.key);
    }
    const references: ScenarioReference[] = [];
    for (const node of referenceNodes) {
      const target = resolveReference(node, all);
      if ('message' in target) problem(node, target.message, target.fix);
      else references.push({ node, target });
    }
    return { lists, references };
  },

  render({ lists, references }, { lang, labels = resolveLabels(lang) }) {
    const label = labels.labels.scenario;
    const mark = languageMark(labels.langOf('scenario'), lang);
    return {
      replacements: [
        ...lists.flatMap(({ depth, scenarios: items }) =>
          items.map(({ node, id, title, number }) => ({
            node,
            // Its number as the list item's value too, so the list is right even without the page's CSS.
            props: { number },
            children: [scenarioHeading({ depth, id, name: label(number), title, mark }), ...node.children],
          })),
        ),
        ...references.map(({ node, target }) => ({
          node,
          props: { href: `#${target.id}`, number: target.number, title: target.title, lang },
        })),
      ],
      appended: [],
      // For the contents: a scenario's heading carries its number, so the list numbers it not again.
      frontmatter: {
        selfNumberedIds: lists.flatMap((list) => list.scenarios.map((scenario) => scenario.id)),
        selfNumberedNames: Object.fromEntries(
          lists.flatMap((list) => list.scenarios.map((scenario) => [scenario.id, label(scenario.number)])),
        ),
      },
    };
  },
};

/** A heading level for `depth`: below h6 there is none, so a list in an h6's section has h6 titles. */
function headingDepth(depth: number): Heading['depth'] {
  return Math.min(Math.max(depth, 2), 6) as Heading['depth'];
}

/** A span of the heading, with a class for the page's styles. */
function span(className: string, children: MdxJsxTextElement['children']): MdxJsxTextElement {
  return { type: 'mdxJsxTextElement', name: 'span', attributes: [{ type: 'mdxJsxAttribute', name: 'class', value: className }], children };
}

/**
 * A scenario's title as a heading: "Scenario 2: Status Quo" to the contents, to search and
 * to a screen reader, shown as the number above the title. The colon is there, unseen: in a
 * span of its own that essay-blocks.css makes transparent, in the line, as it must be. A
 * visually hidden span is taken out of the line (absolutely positioned), and Chromium then
 * reads it as a block of its own, with a space before it: "Scenario 2 : Status Quo".
 * The heading carries the scenario's id, so a link lands on it, and takes focus there as
 * other headings do.
 */
export function scenarioHeading({
  depth,
  id,
  name,
  title,
  mark,
}: {
  depth: Heading['depth'];
  id: string;
  name: string;
  title: string;
  /** The lang and dir of a name in another language than the essay's (src/strings/marking.ts). */
  mark?: LanguageMark | undefined;
}): Heading {
  const nameText: MdxJsxTextElement['children'][number] = { type: 'text', value: name };
  const named = mark
    ? ({
        type: 'mdxJsxTextElement',
        name: 'bdi',
        attributes: [
          { type: 'mdxJsxAttribute', name: 'lang', value: mark.lang },
          { type: 'mdxJsxAttribute', name: 'dir', value: mark.dir },
        ],
        children: [nameText],
      } satisfies MdxJsxTextElement)
    : nameText;
  const colon: MdxJsxTextElement = { type: 'mdxJsxTextElement', name: 'span', attributes: [], children: [{ type: 'text', value: ':' }] };
  return {
    type: 'heading',
    depth,
    data: { hProperties: { id, tabIndex: -1, className: ['scenario-title'] } },
    children: [span('scenario-number', [named, colon]), { type: 'text', value: ` ${title}` }],
  };
}

/** The scenario a `<ScenarioRef>` points at, or what is wrong and how to fix it, naming the scenarios this essay has. */
function resolveReference(node: ComponentElement, all: readonly Scenario[]): Scenario | { message: string; fix: string } {
  const to = attribute(node, 'to');
  const n = attribute(node, 'n');
  const has =
    all.length === 0
      ? 'this essay has no scenarios'
      : `this essay has ${all.length}: ${all.map((scenario) => `"${scenario.key}"`).join(', ')}`;
  const fix = (guess: Scenario | undefined) =>
    all.length === 0
      ? 'add the scenario in a <Scenarios> list, or remove the reference.'
      : `point it at one that exists, such as <ScenarioRef to="${(guess ?? all[0])?.key ?? ''}" /> or <ScenarioRef n={${(guess ?? all[0])?.number ?? 1}} />.`;
  if (typeof to === 'string' && to !== '') {
    const guess = closest(
      to,
      all.map((scenario) => scenario.key),
    );
    return (
      all.find((scenario) => scenario.key === to) ?? {
        message: `<ScenarioRef to="${to}"> points at a scenario that does not exist (${has}).`,
        fix: fix(all.find((scenario) => scenario.key === guess)),
      }
    );
  }
  if (typeof n === 'string' && n !== '') {
    return (
      all.find((scenario) => String(scenario.number) === n) ?? {
        message: `<ScenarioRef n={${n}}> points at scenario ${n}, which does not exist (${has}).`,
        fix: fix(undefined),
      }
    );
  }
  return { message: '<ScenarioRef> says neither which scenario (to="…") nor which number (n={…}).', fix: fix(undefined) };
}
