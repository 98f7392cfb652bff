import type { Nodes } from 'mdast';
import { isJsxElement } from './jsx.ts';
import { walk, type Findings } from './rule.ts';

/** Markup (`<script`, `<Footnote`), or a way to write HTML around the checks, in JavaScript. */
const HIDDEN_MARKUP = /<[A-Za-z]|\bset:html\b|\bdangerouslySetInnerHTML\b|\binnerHTML\b/;

const FIX = 'write the element in the essay itself, where every rule reads it; keep {…} for values, such as n={2}.';

/**
 * Markup written inside `{…}` (an expression, or an attribute's value) would be rendered
 * without passing any of the checks: a `{<script>…</script>}` would reach the page. An
 * essay's expressions hold values, never elements.
 */
export function checkExpressions(tree: Readonly<Nodes>, findings: Findings): void {
  for (const { node } of walk(tree)) {
    if ((node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') && HIDDEN_MARKUP.test(node.value)) {
      findings.error(node, `{${shorten(node.value)}} writes markup inside braces, which the checks cannot read.`, FIX);
    }
    if (!isJsxElement(node)) continue;
    for (const attribute of node.attributes) {
      const code =
        attribute.type === 'mdxJsxExpressionAttribute'
          ? attribute.value
          : typeof attribute.value === 'object' && attribute.value
            ? attribute.value.value
            : undefined;
      if (code !== undefined && HIDDEN_MARKUP.test(code)) {
        findings.error(node, `<${node.name ?? ''}> has markup inside braces ({${shorten(code)}}), which the checks cannot read.`, FIX);
      }
    }
  }
}

function shorten(code: string): string {
  const oneLine = code.replace(/\s+/g, ' ').trim();
  return oneLine.length > 40 ? `${oneLine.slice(0, 39)}…` : oneLine;
}
