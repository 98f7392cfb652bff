import type { Nodes } from 'mdast';
import { walk, type Findings } from './rule.ts';

/**
 * An `import` of a file next to the essay that is not there is reported at the essay's line
 * and column; the compiler would report it at a line of the code it generates.
 */
export function checkImports(tree: Readonly<Nodes>, findings: Findings, fileExists?: (path: string) => boolean): void {
  if (!fileExists) return;
  for (const { node } of walk(tree)) {
    if (node.type !== 'mdxjsEsm' || !node.position) continue;
    for (const match of node.value.matchAll(/(?:\bfrom\s*|\bimport\s*)(['"])(\.\.?\/[^'"]+)\1/g)) {
      const path = match[2] ?? '';
      if (fileExists(path.split('?')[0] ?? path)) continue;
      // At the opening quote of the path.
      const before = node.value.slice(0, (match.index ?? 0) + match[0].indexOf(match[1] ?? "'"));
      const line = node.position.start.line + (before.match(/\n/g)?.length ?? 0);
      const column = before.includes('\n') ? before.length - before.lastIndexOf('\n') : node.position.start.column + before.length;
      findings.errorAt(
        line,
        column,
        `the import of ${path} names a file that is not there.`,
        'correct the path (it is relative to the essay, like ./chart.astro), or add the file.',
      );
    }
  }
}
