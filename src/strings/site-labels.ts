import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { runnerImport } from 'vite';
import { closest } from '../authoring/rules/closest.ts';
import { en } from './en.ts';
import { LABEL_KEYS, type Labels, type SiteLabels, type SiteStrings } from './labels.ts';

/** A labels module that cannot be used, with its fix: reported with the bad options. */
export class LabelsModuleError extends Error {
  override name = 'LabelsModuleError';
}

/**
 * What is wrong with a module's default export as a language's labels: a label of no such
 * name (`contnets`, naming the one it looks like), or of the wrong kind (words where a
 * function of a number is expected). Empty when it is good. `astro check` finds the same in
 * a typed module; this is for a `.js` one, and for what the types let through.
 */
export function labelsModuleProblems(value: unknown, where: string): string[] {
  if (typeof value !== 'object' || value === null) {
    return [`${where}: its default export is not an object of labels. Fix: export default defineLabels({ contents: '…', … }).`];
  }
  return Object.entries(value).flatMap(([key, label]) => {
    if (!(LABEL_KEYS as string[]).includes(key)) {
      const guess = closest(key, LABEL_KEYS);
      return [
        `${where}: "${key}" is not a label${guess ? `: did you mean "${guess}"?` : '.'} Fix: name a label of Labels (src/strings/labels.ts).`,
      ];
    }
    const expected = typeof en[key as keyof Labels];
    if (typeof label === expected) return [];
    return [`${where}: "${key}" is a ${typeof label}, but should be a ${expected}, as in English: ${describeLabel(key as keyof Labels)}.`];
  });
}

function describeLabel(key: keyof Labels): string {
  const label = en[key];
  return typeof label === 'function' ? `${key}: ${label.toString()}` : `${key}: ${JSON.stringify(label)}`;
}

/** The file a labels module names, from the project's root. */
function labelsModuleFile(root: string, path: string): string {
  return resolve(root, path);
}

/**
 * The site's labels, by language: its plain words as they are, its modules loaded (at build
 * time, for the essay plugin and the build log; pages import the same files through
 * `virtual:essay-press/strings`). Throws a LabelsModuleError naming every problem.
 */
export async function loadSiteLabels(root: string, strings: SiteStrings): Promise<SiteLabels> {
  const problems: string[] = [];
  const loaded: Record<string, Partial<Labels>> = {};
  for (const [lang, value] of Object.entries(strings)) {
    if (typeof value !== 'string') {
      loaded[lang] = value;
      continue;
    }
    const file = labelsModuleFile(root, value);
    const where = `essayPress({ strings: { ${lang}: '${value}' } })`;
    if (!existsSync(file)) {
      problems.push(`${where}: there is no such file (${file}). Fix: create it, or correct the path (from the project's root).`);
      continue;
    }
    try {
      // Through a module runner of its own, not `import()`: in a project that installed Essay
      // Press, Astro runs this integration in the runner that loaded its config, closed by now,
      // and Node will not strip the types of the package's own files the module imports.
      const { module } = await runnerImport<{ default?: unknown }>(file, { root, configFile: false, logLevel: 'silent' });
      const found = labelsModuleProblems(module.default, where);
      if (found.length > 0) problems.push(...found);
      else loaded[lang] = module.default as Partial<Labels>;
    } catch (error) {
      problems.push(`${where}: the module did not load: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (problems.length > 0)
    throw new LabelsModuleError(
      `The site's strings have ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}:\n  ${problems.join('\n  ')}`,
    );
  return loaded;
}

/**
 * The source of `virtual:essay-press/strings`: the site's labels by language, as pages read
 * them, its modules imported by their files (functions cannot go through JSON).
 */
export function siteLabelsSource(root: string, strings: SiteStrings): string {
  const imports: string[] = [];
  const entries = Object.entries(strings).map(([lang, value], index) => {
    if (typeof value !== 'string') return `${JSON.stringify(lang)}: ${JSON.stringify(value)}`;
    imports.push(`import labels${index} from ${JSON.stringify(labelsModuleFile(root, value))};`);
    return `${JSON.stringify(lang)}: labels${index}`;
  });
  return [...imports, `export default { ${entries.join(', ')} };`].join('\n');
}
