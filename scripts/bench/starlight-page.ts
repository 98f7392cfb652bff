/**
 * An essay as a Starlight docs page, for the peer site the build benchmark sets beside ours
 * (scripts/bench/peer-starlight.ts): the same text in plain Markdown, so that both sites
 * render, index and publish the same words. Our components become what Markdown has for
 * them: a note a footnote (`[^1]`), a list of scenarios an ordered list with bold titles, a
 * reference to a scenario its words. Pure: tested in tests/scripts/bench/.
 */
import { parseDocument, stringify } from 'yaml';

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---(\r?\n|$)/;

/** The markup of our components that Starlight would not know, and what it becomes. */
export function starlightPage(essay: string): string {
  const match = FRONTMATTER.exec(essay);
  if (!match) throw new Error('The essay has no frontmatter (--- … ---) to convert.');
  const frontmatter = parseDocument(match[1] ?? '');
  // Starlight's schema has title and description; our own keys (lang, sources…) stay behind.
  const title = frontmatter.get('title');
  const description = frontmatter.get('description');
  if (typeof title !== 'string') throw new Error('The essay has no title to convert.');
  const head = stringify({ title, ...(typeof description === 'string' ? { description } : {}) }, { lineWidth: 0 });

  const notes: string[] = [];
  const note = (text: string) => {
    notes.push(text.trim());
    return `[^${notes.length}]`;
  };
  let body = essay
    .slice(match[0].length)
    .replace(/^(import|export)\s.*$/gm, '')
    // A note in one tag (what is needed, or a source's id), then a note with its own words.
    .replace(/<Footnote\b([^>]*?)\/>/g, (_all, attributes: string) => note(/\bneeded="([^"]*)"/.exec(attributes)?.[1] ?? 'A source.'))
    .replace(/<Footnote\b[^>]*>([\s\S]*?)<\/Footnote>/g, (_all, text: string) => note(text));
  let scenario = 0;
  body = body
    .replace(/<Scenarios\b[^>]*>\s*/g, () => {
      scenario = 0;
      return '';
    })
    .replace(/\s*<\/Scenarios>/g, '')
    .replace(/[ \t]*<Scenario\b[^>]*\btitle="([^"]*)"[^>]*>([\s\S]*?)<\/Scenario>/g, (_all, name: string, text: string) => {
      scenario += 1;
      return `${scenario}. **${name}.** ${text.trim()}`;
    })
    .replace(/<ScenarioRef\b[^>]*>([\s\S]*?)<\/ScenarioRef>/g, '$1');
  const definitions = notes.map((text, index) => `[^${index + 1}]: ${text}`).join('\n');
  return `---\n${head.trimEnd()}\n---\n${body.trimEnd()}\n${definitions ? `\n${definitions}\n` : ''}`;
}
