import { keyFromTitle, scenarioId } from '../ids.ts';
import type { ComponentKind } from './kind.ts';
import { attribute, isElement, type ComponentElement } from './tree.ts';

export interface Scenario {
  node: ComponentElement;
  number: number;
  title: string;
  id: string;
  /** The key `<ScenarioRef to="…">` uses: the `id` attribute, or the title as a slug. */
  key: string;
}

export interface ScenarioList {
  node: ComponentElement;
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
 * `<Scenarios>` of `<Scenario title="…">`, numbered per list, and `<ScenarioRef>` links
 * to them by key (`to="…"`, before or after the list) or by number (`n={2}`, with one list).
 */
export const scenarios: ComponentKind<Scenarios> = {
  elements: [LIST, SCENARIO, REFERENCE],

  analyze(occurrences, { idPrefix: prefix, problem }) {
    const lists: ScenarioList[] = [];
    const referenceNodes: ComponentElement[] = [];
    for (const { node, parent } of occurrences) {
      if (isElement(node, LIST)) {
        lists.push({ node, scenarios: [] });
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
        const number = list.scenarios.length + 1;
        const explicitKey = attribute(node, 'id');
        const key = typeof explicitKey === 'string' && explicitKey !== '' ? explicitKey : keyFromTitle(title, `${lists.length}-${number}`);
        list.scenarios.push({ node, number, title: title.trim(), key, id: scenarioId(prefix, key) });
      } else if (isElement(node, REFERENCE)) {
        referenceNodes.push(node);
      }
    }

    // References are resolved after the walk, so they may come before their scenarios.
    const all = lists.flatMap((list) => list.scenarios);
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
      const target = resolveReference(node, lists, all);
      if (typeof target === 'string')
        problem(
          node,
          target,
          'point it at a scenario that exists: <ScenarioRef to="status-quo" /> or, with one list, <ScenarioRef n={1} />.',
        );
      else references.push({ node, target });
    }
    return { lists, references };
  },

  render({ lists, references }, { lang }) {
    return {
      replacements: [
        ...lists.flatMap((list) => list.scenarios).map(({ node, id, title, number }) => ({ node, props: { id, title, number, lang } })),
        ...references.map(({ node, target }) => ({
          node,
          props: { href: `#${target.id}`, number: target.number, title: target.title, lang },
        })),
      ],
      appended: [],
      frontmatter: {},
    };
  },
};

/** The scenario a `<ScenarioRef>` points at, or a message saying why there is none. */
function resolveReference(node: ComponentElement, lists: readonly ScenarioList[], all: readonly Scenario[]): Scenario | string {
  const to = attribute(node, 'to');
  const n = attribute(node, 'n');
  if (typeof to === 'string' && to !== '') {
    return (
      all.find((scenario) => scenario.key === to) ??
      `<ScenarioRef to="${to}"> points at a scenario that does not exist (there are: ${all.map((s) => s.key).join(', ') || 'none'}).`
    );
  }
  if (typeof n === 'string' && n !== '') {
    if (lists.length > 1) return `<ScenarioRef n={${n}}> is ambiguous: this essay has ${lists.length} scenario lists.`;
    return (
      lists[0]?.scenarios.find((scenario) => String(scenario.number) === n) ??
      `<ScenarioRef n={${n}}> points at scenario ${n}, which does not exist (there are ${all.length}).`
    );
  }
  return '<ScenarioRef> says neither which scenario (to="…") nor which number (n={…}).';
}
