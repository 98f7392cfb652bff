/** The rendered lines of a page's paragraphs, measured in the browser (the reading tests and `bench:reading`). */

export interface LineLengths {
  /** Characters on each full line, sorted; a paragraph's last line is left out: it is short by nature. */
  characters: number[];
  /** Distance from each line's top to the next one's in the same paragraph, in px, sorted: the line height as rendered. */
  pitches: number[];
}

/**
 * Measures the lines of the paragraphs `paragraphs` (a CSS selector) letter by letter, with a
 * Range around each letter: the box the browser drew it in says which line it is on. Text
 * inside `skip` (note references, sidenotes, popovers) is not counted: it is not on the line
 * a reader reads. Runs in the page: pass it to Puppeteer's `page.evaluate`, so it may use
 * nothing from outside its own body.
 */
export function measureLineLengths({ paragraphs, skip }: { paragraphs: string; skip: string }): LineLengths {
  const characters: number[] = [];
  const pitches: number[] = [];
  for (const paragraph of document.querySelectorAll(paragraphs)) {
    const lines: Array<{ top: number; characters: number }> = [];
    const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement?.closest(skip)) continue;
      for (let index = 0; index < (node.textContent ?? '').length; index++) {
        const range = document.createRange();
        range.setStart(node, index);
        range.setEnd(node, index + 1);
        const box = range.getClientRects()[0];
        if (!box) continue;
        const line = lines.at(-1);
        // Letters of one line differ in top by a pixel or two (italic, another face); lines by a line height.
        if (line && box.top < line.top + box.height / 2) line.characters += 1;
        else lines.push({ top: box.top, characters: 1 });
      }
    }
    characters.push(...lines.slice(0, -1).map((line) => line.characters));
    pitches.push(...lines.slice(1).map((line, index) => line.top - (lines[index]?.top ?? line.top)));
  }
  return { characters: characters.sort((a, b) => a - b), pitches: pitches.sort((a, b) => a - b) };
}
