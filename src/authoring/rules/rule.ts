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

/** A node met on a walk of the tree, with its ancestors (nearest last). */
export interface Visit {
  node: Readonly<Nodes>;
  ancestors: ReadonlyArray<Readonly<Nodes>>;
}

/**
 * The walks of whole trees, kept: every rule walks the essay's tree, a dozen walks of the same
 * tree, which the checks never change. Made once, a walk is a tenth of what it was.
 */
const walked = new WeakMap<Readonly<Nodes>, readonly Visit[]>();

/** Every node of the tree, parents first, in document order, with its ancestors (nearest last). Do not change the tree after. */
export function walk(node: Readonly<Nodes>, ancestors: ReadonlyArray<Readonly<Nodes>> = []): readonly Visit[] {
  const whole = ancestors.length === 0;
  const found = whole ? walked.get(node) : undefined;
  if (found) return found;
  const visits: Visit[] = [];
  const visit = (current: Readonly<Nodes>, above: ReadonlyArray<Readonly<Nodes>>) => {
    visits.push({ node: current, ancestors: above });
    if ('children' in current) {
      const inner = [...above, current];
      for (const child of current.children as ReadonlyArray<Nodes>) visit(child, inner);
    }
  };
  visit(node, ancestors);
  if (whole) walked.set(node, visits);
  return visits;
}
