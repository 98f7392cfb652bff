import type { Page } from 'puppeteer-core';

/**
 * The essays of the right-to-left fixture site (tests/fixtures/scripts/, built with SITE_LANG=ar
 * in global-setup.ts), each with its language, its direction, a word of its second section
 * and that section's heading.
 */
export const SCRIPT_ESSAYS = [
  {
    path: 'essays/al-saat/',
    lang: 'ar',
    dir: 'rtl',
    title: 'عن الساعات والزمن',
    word: 'القطارات',
    section: 'الساعة-الثانية',
  },
  {
    path: 'essays/chronos-kai-roloi/',
    lang: 'el',
    dir: 'ltr',
    title: 'Για τον χρόνο και τα ρολόγια',
    word: 'τρένων',
    section: 'το-δεύτερο-ρολόι',
  },
  {
    path: 'essays/tokei-to-jikan/',
    lang: 'ja',
    dir: 'ltr',
    title: '時計と時間について',
    word: '鉄道',
    section: '二番目の時計',
  },
] as const;

export const [ARABIC_ESSAY, GREEK_ESSAY] = SCRIPT_ESSAYS;

/**
 * Where each pair of neighbouring words of `selector`'s text is drawn in the wrong order for
 * the words' own script: an English (or Greek) pair must run left to right, an Arabic or Hebrew
 * one right to left, whatever the direction of the page around them. "1 min read" on an Arabic
 * page must show "1" left of "min"; drawn as "min read 1" (the digits taken for part of the
 * Arabic line, as in a right-to-left paragraph that does not isolate the English phrase), it
 * is reported. A pair of a left-to-right and a right-to-left word, or of two numbers, has no
 * order of its own and is not checked. Measured by the browser's layout (Range boxes), so it
 * holds however the markup isolates the phrase (`<bdi>`, `dir`, `unicode-bidi`).
 */
export async function wordsOutOfOrder(tab: Page, selector: string): Promise<string[]> {
  return tab.$$eval(selector, (elements) =>
    elements.flatMap((element) => {
      // The text nodes as laid out, with where each starts in the element's text.
      const nodes: Array<{ node: Text; start: number }> = [];
      let text = '';
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        nodes.push({ node: node as Text, start: text.length });
        text += node.textContent ?? '';
      }
      const at = (offset: number): [Text, number] => {
        const holder = nodes.findLast(({ start }) => start <= offset) ?? nodes[0]!;
        return [holder.node, offset - holder.start];
      };
      const words = [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((match) => {
        const range = document.createRange();
        range.setStart(...at(match.index));
        range.setEnd(...at(match.index + match[0].length));
        return { word: match[0], box: range.getBoundingClientRect() };
      });
      const rightToLeft = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}]/gu;
      const hasRightToLeft = (words: string) => words.replace(rightToLeft, '') !== words;
      const hasLeftToRight = (words: string) => /\p{L}/u.test(words.replace(rightToLeft, ''));
      const problems: string[] = [];
      for (const [index, first] of words.entries()) {
        const second = words[index + 1];
        if (!second || first.box.width === 0 || second.box.width === 0) continue;
        const pair = first.word + second.word;
        const direction = hasRightToLeft(pair) ? (hasLeftToRight(pair) ? undefined : 'rtl') : hasLeftToRight(pair) ? 'ltr' : undefined;
        // Mixed scripts, or two numbers; and a pair on two lines has no order across them.
        const sameLine = first.box.top < second.box.bottom && second.box.top < first.box.bottom;
        if (!direction || !sameLine) continue;
        const firstLeft = first.box.left + first.box.width / 2 < second.box.left + second.box.width / 2;
        if (firstLeft !== (direction === 'ltr')) {
          problems.push(
            `“${first.word}” is drawn ${firstLeft ? 'left' : 'right'} of “${second.word}” in “${text.trim()}”, read ${direction === 'ltr' ? 'left to right' : 'right to left'}`,
          );
        }
      }
      return problems;
    }),
  );
}

/**
 * The elements drawn past the left or right edge of the window (each as tag.class: its box),
 * which a reader cannot scroll to in a right-to-left page (whose overflow to the right is cut
 * off, and not counted in `scrollWidth`). Left out: what is hidden off the page on purpose (the
 * visually hidden, clipped to a pixel) and what is inside its own scrolling box (a wide table).
 */
export async function elementsOffScreen(tab: Page): Promise<string[]> {
  return tab.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const scrolls = (element: Element) =>
      element !== document.documentElement && element !== document.body && getComputedStyle(element).overflowX !== 'visible';
    return [...document.body.querySelectorAll('*')].flatMap((element) => {
      if (element.closest('.visually-hidden')) return [];
      for (let parent = element.parentElement; parent; parent = parent.parentElement) if (scrolls(parent)) return [];
      const box = element.getBoundingClientRect();
      if (element.getClientRects().length === 0 || box.width === 0) return [];
      if (box.left >= -0.5 && box.right <= width + 0.5) return [];
      const name = `${element.tagName.toLowerCase()}${element.classList.length > 0 ? `.${[...element.classList].join('.')}` : ''}`;
      return [`${name}: ${Math.round(box.left)} to ${Math.round(box.right)} of ${width}`];
    });
  });
}

/** How far the page scrolls sideways: 0 when it does not (the document's own scrolling box). */
export async function sidewaysScroll(tab: Page): Promise<number> {
  return tab.evaluate(() => {
    const scrolling = document.scrollingElement ?? document.documentElement;
    return scrolling.scrollWidth - scrolling.clientWidth;
  });
}
