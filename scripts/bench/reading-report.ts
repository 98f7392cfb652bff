/** The table `node scripts/bench/reading.ts` prints: a row per site and screen width, and what each column means. */
import { formatBytes, formatTable, type Column } from './format.ts';
import type { Reading } from './reading-page.ts';

/** One row per site and width: the figures a reader would notice first. */
export function printTable(readings: readonly Reading[]): void {
  const right = (header: string): Column => ({ header, align: 'right' });
  const fixed = (value: number | undefined, digits: number) => (value === undefined || Number.isNaN(value) ? '–' : value.toFixed(digits));
  console.log(
    formatTable(
      [
        { header: 'site' },
        right('width'),
        { header: 'face (drawn)' },
        right('size'),
        right('line'),
        right('chars/line'),
        right('1st ¶ top'),
        { header: 'margin notes' },
        right('sideways'),
        right('contrast'),
        right('weight'),
        right('shift'),
      ],
      readings.map((reading) => [
        reading.site,
        String(reading.width),
        `${reading.font.drawnWith}${reading.font.webFont ? '' : ' (local)'}`,
        `${fixed(reading.font.sizePx, 1)} px`,
        `${fixed(reading.lineHeight.medianPitchPx, 1)} (${fixed(reading.lineHeight.ratio, 2)})`,
        `${fixed(reading.charactersPerLine.median, 0)} / ${fixed(reading.charactersPerLine.max, 0)}`,
        `${fixed(reading.firstParagraph.top, 0)}${reading.firstParagraph.onFirstScreen ? '' : ' below'}`,
        reading.marginNotes.notes === 0
          ? 'no notes'
          : reading.marginNotes.inMargin === 0
            ? `none of ${reading.marginNotes.notes}`
            : `${reading.marginNotes.inMargin}, at ${fixed(reading.marginNotes.sizeRatio, 2)}×`,
        reading.sideways.overflowPx > 0 ? `${reading.sideways.overflowPx} px` : 'no',
        `${fixed(reading.contrast.ratio, 1)}:1`,
        `${formatBytes(reading.transfer.bytes)}, ${reading.transfer.requests}` +
          (reading.transfer.serviceWorkerCachedBytes > 0 ? ` + SW ${formatBytes(reading.transfer.serviceWorkerCachedBytes)}` : ''),
        `${fixed(reading.layoutShift.load, 3)} / ${fixed(reading.layoutShift.scroll, 3)}`,
      ]),
    ),
  );
  console.log(`
  size        body text's computed font size; face: the one the platform drew most letters in ("local": not a web font)
  line        median distance between lines in body paragraphs, px (computed line-height ÷ size)
  chars/line  characters per full line of body paragraphs, median / longest (note references left out)
  1st ¶ top   y of the first body paragraph at the top of the page ("below": its first line is not on the first screen)
  margin      notes shown beside the text at this width, and their size against the body's
  weight      bytes transferred until the network was idle, and requests (empty cache); SW: what a service worker cached besides
  shift       cumulative layout shift while loading / while scrolling to the bottom`);
}
