import type { Nodes } from 'mdast';

/** How much a finding matters: an error stops the build, a warning is printed and counted (and fails it with STRICT=1). */
export type Severity = 'error' | 'warning';

/** One thing a rule found in an essay, at the node where the author wrote it. */
export interface Finding {
  line: number | undefined;
  column: number | undefined;
  message: string;
  fix: string;
  severity: Severity;
}

/** What a rule reports to: it records the node's position so the message names the essay's own line and column. */
export class Findings {
  readonly all: Finding[] = [];

  error(node: Readonly<Nodes>, message: string, fix: string): void {
    this.add(node, message, fix, 'error');
  }

  warning(node: Readonly<Nodes>, message: string, fix: string): void {
    this.add(node, message, fix, 'warning');
  }

  /** An error at a place inside a node (a line of an `import` block). */
  errorAt(line: number, column: number, message: string, fix: string): void {
    this.all.push({ line, column, message, fix, severity: 'error' });
  }

  private add(node: Readonly<Nodes>, message: string, fix: string, severity: Severity): void {
    this.all.push({ line: node.position?.start.line, column: node.position?.start.column, message, fix, severity });
  }
}

/** Every node of the tree, parents first, in document order, with its ancestors (nearest last). */
export function* walk(
  node: Readonly<Nodes>,
  ancestors: ReadonlyArray<Readonly<Nodes>> = [],
): Generator<{ node: Readonly<Nodes>; ancestors: ReadonlyArray<Readonly<Nodes>> }> {
  yield { node, ancestors };
  if ('children' in node) {
    const inner = [...ancestors, node];
    for (const child of node.children as ReadonlyArray<Nodes>) yield* walk(child, inner);
  }
}
