import { slug as githubSlug } from 'github-slugger';

/**
 * The URL slug of an essay: its frontmatter `slug` when given, otherwise its path
 * inside the essays folder, each segment slugified (`Notes/My Essay.mdx` → `notes/my-essay`).
 * The content collection and the duplicate check both use this, so they cannot disagree.
 */
export function essaySlug(relativePath: string, frontmatterSlug?: unknown): string {
  if (typeof frontmatterSlug === 'string' && frontmatterSlug.trim() !== '') return frontmatterSlug.trim();
  return relativePath
    .replace(/\\/g, '/')
    .replace(/\.mdx?$/i, '')
    .split('/')
    .map((segment) => githubSlug(segment))
    .join('/')
    .replace(/(^|\/)index$/, '');
}
