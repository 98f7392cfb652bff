/**
 * The folder the essays are read from, relative to the project root. `ESSAYS_DIR`
 * points a build at another folder, which is how the tests build fixture sites.
 */
export function essaysDirFromEnv(env: Record<string, string | undefined>): string {
  return env['ESSAYS_DIR']?.trim() || 'content/essays';
}
