import type { z } from 'astro/zod';
import { setVariables } from './environment.ts';
import { exampleOf, normaliseBase, optionsSchema, type EssayPressOptions, type SiteConfig } from './options.ts';

/** Every bad option and variable at once, each with what was given and a value that works. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** What Astro's own config says, before the environment overrides it. */
export interface AstroSettings {
  site: string | undefined;
  base: string;
}

/** The options as the build uses them, and the Astro settings the environment changed. */
export interface ResolvedConfig {
  config: SiteConfig;
  /** Set only where a variable overrides Astro's own setting. */
  astro: { outDir?: string; cacheDir?: string };
}

/** An absolute http(s) URL reduced to its origin, or undefined for anything else. */
function originOf(raw: string): string | undefined {
  const url = URL.parse(raw.trim());
  return url && (url.protocol === 'https:' || url.protocol === 'http:') ? url.origin : undefined;
}

/**
 * Checks `essayPress()`'s options, with the environment's overrides (src/config/environment.ts)
 * applied over them. Throws a `ConfigError` naming every problem and its fix.
 *
 * @example resolveConfig({ title: 'Notes' }, { BASE_PATH: 'essays' }, { site: undefined, base: '/' }).config.base // '/essays/'
 */
export function resolveConfig(
  options: EssayPressOptions | undefined,
  env: Record<string, string | undefined>,
  astro: AstroSettings,
): ResolvedConfig {
  const problems: string[] = [];
  const input: Record<string, unknown> = { ...options };
  // Which option came from which variable, so a problem names what the author wrote.
  const fromVariable = new Map<string, { variable: string; raw: string; example: string }>();
  let site = astro.site ? originOf(astro.site) : undefined;
  let base = astro.base;
  const overrides: ResolvedConfig['astro'] = {};
  for (const { variable, raw, value } of setVariables(env)) {
    const said = { variable: variable.variable, raw, example: variable.example };
    if ('option' in variable.overrides) {
      input[variable.overrides.option] = value;
      fromVariable.set(variable.overrides.option, said);
      continue;
    }
    const setting = variable.overrides.astro;
    if (setting === 'site') {
      site = originOf(raw);
      if (!site) problems.push(variableProblem(said, 'must be an absolute URL that starts with https:// or http://, such as'));
    } else if (setting === 'base') {
      base = raw;
    } else if (/:\/\/|^-/.test(raw.trim())) {
      problems.push(variableProblem(said, 'must be a folder such as'));
    } else {
      overrides[setting] = raw.trim();
    }
  }
  try {
    base = normaliseBase(base);
  } catch {
    const said =
      fromVariable.get('base') ??
      (env['BASE_PATH'] ? { variable: 'BASE_PATH', raw: env['BASE_PATH'], example: '/reading-room/' } : undefined);
    problems.push(
      said
        ? variableProblem(said, 'must be a plain path, without spaces, "..", "?" or "#", such as')
        : `  base: "${base}" must be a plain path, without spaces, "..", "?" or "#", such as base: '/reading-room/' in astro.config.mjs`,
    );
  }
  const parsed = optionsSchema.safeParse(input);
  if (!parsed.success) problems.push(...parsed.error.issues.map((issue) => optionProblem(issue, input, fromVariable)));
  if (problems.length > 0 || !parsed.success) {
    throw new ConfigError(
      `Essay Press's options have ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}:\n${problems.join('\n')}\n  Fix: set each as shown, or leave it out for its default (docs/configuration.md lists every option).`,
    );
  }
  return { config: { ...parsed.data, site, base }, astro: overrides };
}

function variableProblem(said: { variable: string; raw: string; example: string }, message: string): string {
  return `  ${said.variable}="${said.raw}" ${message} ${said.variable}=${said.example}`;
}

function optionProblem(
  issue: z.core.$ZodIssue,
  input: Record<string, unknown>,
  fromVariable: Map<string, { variable: string; raw: string; example: string }>,
): string {
  const [name = '', ...rest] = issue.path.map(String);
  if (issue.code === 'unrecognized_keys') {
    return `  essayPress({ ${issue.keys.join(', ')} }): no such option. The options are ${Object.keys(optionsSchema.shape).join(', ')}.`;
  }
  const said = fromVariable.get(name);
  if (said) return variableProblem(said, issue.message);
  const path = [name, ...rest].join('.');
  const given = rest.reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], input[name]);
  const example = rest.length === 0 ? exampleOf(name) : '';
  return `  essayPress({ ${path}: ${JSON.stringify(given) ?? 'undefined'} }) ${issue.message}${example ? ` ${name}: ${example}` : ''}`;
}
