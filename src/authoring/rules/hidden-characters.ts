import type { Nodes } from 'mdast';
import { isJsxElement, staticValue } from './jsx.ts';
import { walk, type Findings } from './rule.ts';

/**
 * Characters a reader cannot see that change what text says or how it sorts: bidirectional
 * overrides, embeddings and isolates reorder the letters around them ("Trojan Source",
 * CVE-2021-42574); zero-width characters make two equal-looking words differ.
 */
const REORDERING = /[\u202A-\u202E\u2066-\u2069]/u;
const INVISIBLE = /[\u200B-\u200F\u2060\u061C\uFEFF]/u;

/** The name of a hidden character, for the message. */
export function hiddenCharacterName(character: string): string {
  const code = character.codePointAt(0) ?? 0;
  const names: Readonly<Record<number, string>> = {
    0x200b: 'zero-width space',
    0x200c: 'zero-width non-joiner',
    0x200d: 'zero-width joiner',
    0x200e: 'left-to-right mark',
    0x200f: 'right-to-left mark',
    0x2060: 'word joiner',
    0x061c: 'Arabic letter mark',
    0xfeff: 'zero-width no-break space',
  };
  const label = names[code] ?? (code >= 0x2066 ? 'bidirectional isolate' : 'bidirectional override');
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')} (${label})`;
}

/** The first hidden character of a text, and whether it reorders text (an error) or only hides (a warning). */
export function hiddenCharacter(text: string): { character: string; reorders: boolean } | undefined {
  const reordering = REORDERING.exec(text);
  if (reordering) return { character: reordering[0], reorders: true };
  const invisible = INVISIBLE.exec(text);
  return invisible ? { character: invisible[0], reorders: false } : undefined;
}

/** What a hidden character in a title does, as an error (it reorders) or a warning (it only hides). */
function reportInTitle(findings: Findings, node: Readonly<Nodes>, what: string, found: { character: string; reorders: boolean }): void {
  if (found.reorders) {
    findings.error(
      node,
      `${what} contains ${hiddenCharacterName(found.character)}, which changes the order its letters are shown in.`,
      'retype it without that character (most editors show it with "show invisibles").',
    );
  } else {
    findings.warning(
      node,
      `${what} contains ${hiddenCharacterName(found.character)}, which a reader cannot see and which goes into its id.`,
      'retype it without that character, unless the language needs it (a ZWNJ in Persian, say).',
    );
  }
}

const visible = (text: string) => text.replace(/[\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\u061C\uFEFF]/gu, '').trim();

/**
 * Hidden characters in headings, titles and ids. In a heading or a scenario's title or a
 * figure's caption, a reordering character is an error (the contents and the id would read
 * differently from what the author sees) and a zero-width one a warning (Persian and Indic
 * scripts need ZWNJ and ZWJ); in an id or a reference, any is an error, since no one can
 * type the link to it.
 */
export function checkHiddenCharacters(tree: Readonly<Nodes>, findings: Findings): void {
  for (const { node } of walk(tree)) {
    if (node.type === 'heading') {
      const text = [...walk(node)]
        .map(({ node: inner }) => (inner.type === 'text' || inner.type === 'inlineCode' ? inner.value : ''))
        .join('');
      const found = hiddenCharacter(text);
      if (found) reportInTitle(findings, node, `the heading "${visible(text)}"`, found);
      continue;
    }
    if (!isJsxElement(node)) continue;
    for (const attribute of node.attributes) {
      if (attribute.type !== 'mdxJsxAttribute') continue;
      const value = staticValue(attribute);
      const found = typeof value === 'string' ? hiddenCharacter(value) : undefined;
      if (!found) continue;
      if (attribute.name === 'id' || attribute.name === 'to') {
        findings.error(
          node,
          `<${node.name ?? ''} ${attribute.name}="${visible(value ?? '')}"> contains ${hiddenCharacterName(found.character)}, which no one can type in a link.`,
          `retype the ${attribute.name} with letters, digits and hyphens only.`,
        );
      } else if (attribute.name === 'title' || attribute.name === 'caption') {
        reportInTitle(findings, node, `<${node.name ?? ''} ${attribute.name}="${visible(value ?? '')}">`, found);
      }
    }
  }
}
