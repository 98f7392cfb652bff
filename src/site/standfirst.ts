/** Plain text of a line of Markdown: marks and tags dropped, white space folded. */
function plain(text: string): string {
  return text
    .replace(/<[^>]+>/g, '')
    .replace(/[*_`]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Whether the essay page should show the standfirst under the title. Many authors
 * take the standfirst from the opening sentence; showing it again right above that
 * sentence would make every reader, and every screen reader, read it twice.
 */
export function shouldShowStandfirst(description: string, body: string): boolean {
  const firstParagraph = body
    .replace(/^---[\s\S]*?\n---/, '')
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .find((block) => block !== '' && !/^(import|export)\s/.test(block));
  return firstParagraph === undefined || !plain(firstParagraph).startsWith(plain(description));
}
