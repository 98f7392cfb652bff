import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { AstroIntegration } from 'astro';
import { checkEssays, formatProblems, type EssaySource } from '../lib/essay-checks.ts';
import { essaysDirFromEnv } from '../lib/essays-dir.ts';

/** Every file under `dir`, in a stable order. */
function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/**
 * Checks the essay files before Astro reads them, so that an author mistake stops the
 * build with `file:line`, what is wrong and how to fix it, instead of a stack trace or,
 * worse, a warning and a site with an essay missing.
 */
export default function essayChecks(): AstroIntegration {
  return {
    name: 'essay-checks',
    hooks: {
      'astro:config:setup': ({ config }) => {
        const root = config.root.pathname;
        const dir = join(root, essaysDirFromEnv(process.env));
        const files = listFiles(dir);
        const essays: EssaySource[] = files.filter((path) => path.endsWith('.mdx')).map((path) => ({
          file: relative(root, path),
          relativePath: relative(dir, path),
          source: readFileSync(path, 'utf8'),
        }));
        const otherFiles = files.filter((path) => !path.endsWith('.mdx')).map((path) => relative(root, path));
        const problems = checkEssays(essays, otherFiles);
        if (problems.length > 0) {
          const count = problems.length === 1 ? 'a problem' : `${problems.length} problems`;
          throw new Error(`The essays have ${count} to fix before the site can be built:\n${formatProblems(problems)}`);
        }
      },
    },
  };
}
