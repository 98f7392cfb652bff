import { strFromU8, unzipSync } from 'fflate';
import { crc32 } from 'node:zlib';
import { expect, test } from 'vitest';
import { dosDateTime, zip } from '../../src/offline/zip.ts';

const modified = new Date('2025-03-14T15:09:26Z');
const text = (name: string, content: string) => ({ name, data: Buffer.from(content), deflate: true });

test('another ZIP reader reads every entry back, stored or deflated, UTF-8 names included', () => {
  const picture = Uint8Array.from({ length: 300 }, (_, index) => (index * 7919) % 256);
  const archive = zip(
    [
      { name: 'mimetype', data: Buffer.from('application/epub+zip'), deflate: false },
      text('EPUB/essay.xhtml', '<p>A paragraph.</p>'.repeat(200)),
      text('EPUB/café.css', 'p { margin: 0 }'),
      { name: 'EPUB/images/a.png', data: picture, deflate: false },
    ],
    { level: 6, modified },
  );
  const entries = unzipSync(archive);
  expect(Object.keys(entries)).toEqual(['mimetype', 'EPUB/essay.xhtml', 'EPUB/café.css', 'EPUB/images/a.png']);
  expect(strFromU8(entries['EPUB/essay.xhtml'] as Uint8Array)).toBe('<p>A paragraph.</p>'.repeat(200));
  expect(strFromU8(entries['EPUB/café.css'] as Uint8Array)).toBe('p { margin: 0 }');
  expect(entries['EPUB/images/a.png']).toEqual(picture);
  // The text is deflated: the archive is smaller than the paragraph alone.
  expect(archive.length).toBeLessThan(19 * 200);
});

test("an EPUB's mimetype comes first, stored, with no extra field, its words at byte 38; the headers carry the date and checksum", () => {
  const archive = Buffer.from(
    zip([{ name: 'mimetype', data: Buffer.from('application/epub+zip'), deflate: false }], { level: 6, modified }),
  );
  expect(archive.readUInt32LE(0)).toBe(0x04034b50);
  expect(archive.readUInt16LE(8)).toBe(0); // stored
  expect(archive.readUInt16LE(28)).toBe(0); // no extra field
  expect(archive.toString('latin1', 30, 38)).toBe('mimetype');
  expect(archive.toString('latin1', 38, 58)).toBe('application/epub+zip');
  expect(archive.readUInt32LE(14)).toBe(crc32('application/epub+zip'));
  const { time, date } = dosDateTime(modified);
  expect([archive.readUInt16LE(10), archive.readUInt16LE(12)]).toEqual([time, date]);
  // The central directory names the same entry at offset 0, and the end record finds it.
  const end = archive.length - 22;
  expect(archive.readUInt32LE(end)).toBe(0x06054b50);
  const centralAt = archive.readUInt32LE(end + 16);
  expect(archive.readUInt32LE(centralAt)).toBe(0x02014b50);
  expect(archive.readUInt32LE(centralAt + 42)).toBe(0);
});

test('dates are MS-DOS fields in UTC, to the even second, kept within 1980 to 2107', () => {
  expect(dosDateTime(modified)).toEqual({ time: (15 << 11) | (9 << 5) | 13, date: (45 << 9) | (3 << 5) | 14 });
  expect(dosDateTime(new Date('1970-01-01T00:00:00Z'))).toEqual({ time: 0, date: (1 << 5) | 1 });
  expect(dosDateTime(new Date('2200-06-01T00:00:00Z'))).toEqual({ time: (23 << 11) | (59 << 5) | 29, date: (127 << 9) | (12 << 5) | 31 });
});

test('the same entries on the same date make the same bytes', () => {
  const make = () => zip([text('a.txt', 'Words.')], { level: 6, modified });
  expect(make()).toEqual(make());
});
