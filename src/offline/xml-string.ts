/**
 * An xast tree as XML text, written exactly as xast-util-to-xml writes it with
 * `closeEmptyElements` (tests/offline/xml-string.test.ts holds the two to the same bytes).
 * Its own because xast-util-to-xml makes a new regular expression for every attribute value
 * it escapes (its cache of them is keyed by a list it builds anew each time), which was
 * most of the time an EPUB's XML took to write.
 */
import type { Nodes } from 'xast';

/** Characters XML 1.0 cannot hold: dropped. */
// eslint-disable-next-line no-control-regex -- the control characters XML cannot hold are what it matches.
const NONCHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g;

/** What each part of the markup escapes, as a numeric character reference. */
const NAME_SPECIALS = /[\t\n "&'/<=>]/g;
const TEXT_SPECIALS = /[&<]/g;
const VALUE_SPECIALS = /[<&"]/g;
const COMMENT_SPECIALS = /-/g;
const GREATER_THAN = />/g;

const clean = (value: string) => String(value || '').replace(NONCHARACTERS, '');
const reference = (char: string) => `&#x${char.charCodeAt(0).toString(16).toUpperCase()};`;

function escape(value: string, specials: RegExp): string {
  return clean(value).replace(specials, reference);
}

/** `value` with only the `>` of each `unsafe` sequence escaped (`?>` in an instruction, `]]>` in CDATA). */
function escapeWithin(value: string, unsafe: RegExp): string {
  return clean(value).replace(unsafe, (sequence) => sequence.replace(GREATER_THAN, reference));
}

const attributeValue = (value: unknown) => `"${escape(String(value), VALUE_SPECIALS)}"`;

/** The XML text of `node` and everything below it. */
export function xmlString(node: Nodes): string {
  switch (node.type) {
    case 'root':
      return node.children.map(xmlString).join('');
    case 'element': {
      const name = escape(node.name, NAME_SPECIALS);
      const content = node.children.map(xmlString).join('');
      const attributes = Object.entries(node.attributes ?? {}).flatMap(([key, value]) =>
        value === null || value === undefined ? [] : [`${escape(key, NAME_SPECIALS)}=${attributeValue(value)}`],
      );
      const open = `<${name}${attributes.length === 0 ? '' : ` ${attributes.join(' ')}`}`;
      return content ? `${open}>${content}</${name}>` : `${open} />`;
    }
    case 'text':
      return escape(node.value, TEXT_SPECIALS);
    case 'comment':
      return `<!--${escape(node.value, COMMENT_SPECIALS)}-->`;
    case 'instruction': {
      const value = escapeWithin(node.value, /\?>/g);
      return `<?${escape(node.name, NAME_SPECIALS) || 'x'}${value ? ` ${value}` : ''}?>`;
    }
    case 'cdata':
      return `<![CDATA[${escapeWithin(node.value, /]]>/g)}]]>`;
    case 'doctype': {
      const name = escape(node.name, NAME_SPECIALS);
      const id = node.public ? ` PUBLIC ${attributeValue(node.public)}` : node.system ? ' SYSTEM' : '';
      return `<!DOCTYPE${name === '' ? '' : ` ${name}`}${id}${node.system ? ` ${attributeValue(node.system)}` : ''}>`;
    }
    default:
      throw new Error(`Cannot write a node of type ${(node as { type: string }).type} as XML.`);
  }
}
