import type { Root } from 'mdast';
import { mdxToMdast } from 'satteri';
import { checkEssayTree, type TreeContext } from '../../../src/authoring/rules/index.ts';

/** The findings for an essay body, as `[line, column, message]` (the frontmatter takes lines 1–4). */
export function findingsOf(body: string, context: TreeContext = {}) {
  return checkEssayTree(mdxToMdast(`---\ntitle: T\ndescription: D\n---\n${body}`) as Root, context);
}

export const messages = (body: string) => findingsOf(body).map(({ message }) => message);
