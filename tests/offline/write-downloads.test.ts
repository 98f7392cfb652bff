import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import sharp from 'sharp';
import { afterAll, expect, test, vi } from 'vitest';
import { fillDownloadSizes } from '../../src/offline/essay-downloads.ts';
import { startEarlyDownloads, writeOfflineDownloads } from '../../src/offline/write-downloads.ts';

const LINKS =
  '<p class="downloads" data-reading-aid data-pagefind-ignore>Read offline: <a href="/essays/a/a.epub" download type="application/epub+zip">EPUB<span data-download-size="epub"></span></a> · <a href="/essays/a/a.html" download type="text/html">HTML<span data-download-size="html"></span></a></p>';

test('each download link gets its size, and nothing else in the page changes', () => {
  const page = `<!DOCTYPE html><html lang="en"><body>${LINKS}<p>Text with <span>spans</span>.</p></body></html>`;
  const filled = fillDownloadSizes(page, { epub: 7_343, html: 1_234_567 }, 'en');
  expect(filled).toBe(
    page
      .replace('<span data-download-size="epub"></span>', '<span data-download-size="epub">, 7 KB</span>')
      .replace('<span data-download-size="html"></span>', '<span data-download-size="html">, 1.2 MB</span>'),
  );
});

test('sizes are written in the page’s language', () => {
  expect(fillDownloadSizes(LINKS, { epub: 1_500_000, html: 2_000 }, 'fr')).toContain('EPUB<span data-download-size="epub">, 1,5 MB</span>');
});

test('a page without its size element, or with two, is an error that says which', () => {
  expect(() => fillDownloadSizes('<p>No links</p>', { epub: 1, html: 1 }, 'en')).toThrow(
    'one empty <span data-download-size="epub"> to show the file\'s size; it has 0',
  );
  expect(() => fillDownloadSizes(LINKS + LINKS, { epub: 1, html: 1 }, 'en')).toThrow('it has 2');
  // Already filled: a second pass would have nothing to fill.
  expect(() => fillDownloadSizes(fillDownloadSizes(LINKS, { epub: 1, html: 1 }, 'en'), { epub: 1, html: 1 }, 'en')).toThrow('it has 0');
});

// writeOfflineDownloads on a small built site in a scratch folder: the real file handling, no Astro build.

const scratch = mkdtempSync(join(tmpdir(), 'offline-downloads-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function essayPage(slug: string, body: string): string {
  return `<!DOCTYPE html><html lang="de" dir="ltr"><head><meta charset="utf-8"><title>T</title><meta name="description" content="D.">
<link rel="stylesheet" href="/sub/_astro/site.css"></head><body><main><article class="essay" data-pagefind-body><header><h1>Über die Zeit</h1>
<p class="downloads" data-reading-aid>Offline lesen: <a href="/sub/essays/${slug}/${slug}.epub" download>EPUB<span data-download-size="epub"></span></a> · <a href="/sub/essays/${slug}/${slug}.html" download>HTML<span data-download-size="html"></span></a></p></header>
${body}</article></main></body></html>`;
}

async function site(name: string, pages: Record<string, string>): Promise<string> {
  const dir = join(scratch, name);
  mkdirSync(join(dir, '_astro'), { recursive: true });
  writeFileSync(
    join(dir, '_astro/site.css'),
    `body{margin:0}.a{background:url(./dot.png)}@font-face{font-family:x;src:url(/sub/_astro/x.woff2)}`,
  );
  writeFileSync(
    join(dir, '_astro/dot.png'),
    await sharp({ create: { width: 2, height: 2, channels: 4, background: '#0000' } })
      .png()
      .toBuffer(),
  );
  writeFileSync(
    join(dir, '_astro/photo.webp'),
    await sharp({ create: { width: 4, height: 4, channels: 3, background: '#123456' } })
      .webp()
      .toBuffer(),
  );
  for (const [slug, html] of Object.entries(pages)) {
    mkdirSync(join(dir, 'essays', slug), { recursive: true });
    writeFileSync(join(dir, 'essays', slug, 'index.html'), html);
  }
  return dir;
}

test('each essay gets both files beside its page, their sizes for its page, and the counts add up', async () => {
  const astroPage = essayPage('zeit', '<p>Text.<img src="/sub/_astro/photo.webp" alt="Ein Foto"></p>');
  const dir = await site('good', { zeit: astroPage });
  const result = await writeOfflineDownloads(dir, {
    site: undefined,
    base: '/sub/',
    siteTitle: 'Essays',
    siteLang: 'en',
    buildTime: new Date('2026-01-02T03:04:05Z'),
  });
  const sizes = ['zeit.epub', 'zeit.html'].map((name) => statSync(join(dir, 'essays/zeit', name)).size);
  expect(result).toEqual({
    essays: 1,
    reused: 0,
    early: 0,
    metadata: [expect.objectContaining({ slug: 'zeit', lang: 'de' })],
    bytes: sizes[0]! + sizes[1]!,
    files: [
      { path: 'essays/zeit/zeit.epub', bytes: sizes[0] },
      { path: 'essays/zeit/zeit.html', bytes: sizes[1] },
    ],
    sizes: { zeit: { epub: sizes[0], html: sizes[1] } },
  });
  // The page is read, not written: the Essay pages step writes the sizes in (src/publishing/essay-pages.ts).
  expect(readFileSync(join(dir, 'essays/zeit/index.html'), 'utf8')).toBe(astroPage);

  const html = readFileSync(join(dir, 'essays/zeit/zeit.html'), 'utf8');
  // The CSS's image is inlined, its font dropped (the policy would block it), the photo kept as WebP;
  // the CSS is on one line (esbuild leaves out the quotes a data: URL does not need).
  expect(html).toContain('.a{background:url(data:image/png;base64,');
  expect(html).toContain('src:none}');
  expect(html).toContain('<img src="data:image/webp;base64,');
  // The EPUB holds the photo as JPEG: WebP is not a core media type of EPUB 3.2.
  const files = unzipSync(readFileSync(join(dir, 'essays/zeit/zeit.epub')));
  expect(Object.keys(files)).toContain('EPUB/images/image-1.jpg');
  expect(strFromU8(files['EPUB/package.opf']!)).toContain('<meta property="dcterms:modified">2026-01-02T03:04:05Z</meta>');
});

test('a site without essays has no downloads', async () => {
  expect(
    await writeOfflineDownloads(await site('empty', {}), { site: undefined, base: '/sub/', siteTitle: 'Essays', siteLang: 'en' }),
  ).toEqual({
    essays: 0,
    reused: 0,
    early: 0,
    metadata: [],
    bytes: 0,
    files: [],
    sizes: {},
  });
});

test('a failure names the essay’s page, so the build stops and says where', async () => {
  const noArticle = await site('no-article', { leer: '<!DOCTYPE html><html lang="de"><body><main><p>Nothing.</p></main></body></html>' });
  await expect(writeOfflineDownloads(noArticle, { site: undefined, base: '/sub/', siteTitle: 'Essays', siteLang: 'en' })).rejects.toThrow(
    'essays/leer/index.html: the offline downloads of this essay could not be made. The page has no <article>.',
  );
  const missingImage = await site('missing-image', { bild: essayPage('bild', '<p><img src="/sub/_astro/gone.png" alt="Weg"></p>') });
  await expect(
    writeOfflineDownloads(missingImage, { site: undefined, base: '/sub/', siteTitle: 'Essays', siteLang: 'en' }),
  ).rejects.toThrow(
    'essays/bild/index.html: the offline downloads of this essay could not be made. /sub/_astro/gone.png is not a file of the built site.',
  );
});

test('shared out between worker threads, the essays get the same files, in the same order, and a failure still names its page', async () => {
  const options = { site: undefined, base: '/sub/', siteTitle: 'Essays', siteLang: 'en', buildTime: new Date('2026-01-02T03:04:05Z') };
  const pages = (prefix: string) =>
    Object.fromEntries(['eins', 'zwei', 'drei', 'vier'].map((slug) => [slug, essayPage(slug, `<p>${prefix} ${slug}.</p>`)]));
  const alone = await writeOfflineDownloads(await site('one-thread', pages('Text')), options);
  const sharedDir = await site('workers', pages('Text'));
  // One essay per worker: as many workers as the machine has CPUs, up to four.
  const shared = await writeOfflineDownloads(sharedDir, options, { essaysPerWorker: 1 });
  expect(shared).toEqual(alone);
  expect(shared.metadata.map(({ slug }) => slug)).toEqual(['drei', 'eins', 'vier', 'zwei']);
  for (const { path } of shared.files) {
    expect(readFileSync(join(sharedDir, path)), path).toEqual(readFileSync(join(scratch, 'one-thread', path)));
  }

  const broken = await site('worker-failure', {
    ...pages('Text'),
    leer: '<!DOCTYPE html><html lang="de"><body><main><p>Nothing.</p></main></body></html>',
  });
  await expect(writeOfflineDownloads(broken, options, { essaysPerWorker: 1 })).rejects.toThrow(
    'essays/leer/index.html: the offline downloads of this essay could not be made. The page has no <article>.',
  );
});

test('with a cache folder, a second build copies the downloads of an unchanged essay and makes those of a changed one again', async () => {
  const cacheDir = join(scratch, 'cache');
  // Two builds of the same essays an hour apart: an EPUB made again would say so in dcterms:modified.
  const options = (hour: string) => ({
    site: undefined,
    base: '/sub/',
    siteTitle: 'Essays',
    siteLang: 'en',
    cacheDir,
    buildTime: new Date(`2026-01-02T${hour}:00:00Z`),
  });
  const pages = (zwei: string) => ({ eins: essayPage('eins', '<p>Eins.</p>'), zwei: essayPage('zwei', `<p>${zwei}</p>`) });
  const firstDir = await site('cache-first', pages('Zwei.'));
  const first = await writeOfflineDownloads(firstDir, options('01'));
  expect(first.reused).toBe(0);

  const secondDir = await site('cache-second', pages('Zwei, geändert.'));
  const second = await writeOfflineDownloads(secondDir, options('02'));
  expect(second.reused).toBe(1);
  expect(second.metadata).toEqual(first.metadata);
  const epub = (dir: string, slug: string) => readFileSync(join(dir, 'essays', slug, `${slug}.epub`));
  // The unchanged essay's EPUB is the first build's, byte for byte; its page still gets its sizes.
  expect(epub(secondDir, 'eins')).toEqual(epub(firstDir, 'eins'));
  expect(second.sizes['eins']?.epub).toBe(epub(firstDir, 'eins').byteLength);
  // The changed one is made again, with its new text.
  expect(strFromU8(unzipSync(epub(secondDir, 'zwei'))['EPUB/package.opf']!)).toContain('2026-01-02T02:00:00Z');
  expect(readFileSync(join(secondDir, 'essays/zwei/zwei.html'), 'utf8')).toContain('Zwei, geändert.');

  // A stylesheet the pages load, changed under the same name, makes every download again.
  writeFileSync(join(secondDir, '_astro/site.css'), 'body{margin:1px}');
  for (const slug of ['eins', 'zwei'])
    writeFileSync(join(secondDir, 'essays', slug, 'index.html'), pages('Zwei, geändert.')[slug as 'eins']);
  expect((await writeOfflineDownloads(secondDir, options('03'))).reused).toBe(0);
});

test.skipIf(availableParallelism() < 2)(
  'downloads made while the pages are being written are taken only where the page and its files have not changed since',
  async () => {
    const options = (name: string) => ({
      site: undefined,
      base: '/sub/',
      siteTitle: 'Essays',
      siteLang: 'en',
      cacheDir: join(scratch, `${name}-cache`),
      buildTime: new Date('2026-01-02T03:04:05Z'),
    });
    const later = await sharp({ create: { width: 3, height: 3, channels: 3, background: '#654321' } })
      .webp()
      .toBuffer();
    const final = {
      eins: essayPage('eins', '<p>Eins, geändert.</p>'),
      zwei: essayPage('zwei', '<p>Zwei.</p>'),
      drei: essayPage('drei', '<p>Drei.<img src="/sub/_astro/later.webp" alt="Später"></p>'),
    };
    const aloneDir = await site('early-alone', final);
    writeFileSync(join(aloneDir, '_astro/later.webp'), later);
    const alone = await writeOfflineDownloads(aloneDir, options('early-alone'));

    // As Astro renders: the folder has the site's files, and the pages come one by one.
    const dir = await site('early', {});
    const early = startEarlyDownloads(dir, options('early'), 3, { essaysPerWorker: 1 });
    if (!early) throw new Error('The worker should start: the machine has two CPUs or more.');
    const write = (slug: string, html: string) => {
      mkdirSync(join(dir, 'essays', slug), { recursive: true });
      writeFileSync(join(dir, 'essays', slug, 'index.html'), html);
    };
    const hasEpub = (slug: string) => existsSync(join(dir, 'essays', slug, `${slug}.epub`));
    write('eins', essayPage('eins', '<p>Eins.</p>'));
    await vi.waitFor(() => expect(hasEpub('eins')).toBe(true), { timeout: 10_000 });
    // The page is left as written: its sizes are filled in once every page is.
    expect(readFileSync(join(dir, 'essays/eins/index.html'), 'utf8')).toBe(essayPage('eins', '<p>Eins.</p>'));
    // Half a page, as a read might find one Astro is writing: not made from.
    write('zwei', final.zwei.slice(0, 300));
    // A page whose image Astro has not written yet.
    write('drei', final.drei);
    await new Promise((resolve) => setTimeout(resolve, 200));
    write('zwei', final.zwei);
    await vi.waitFor(() => expect(hasEpub('zwei')).toBe(true), { timeout: 10_000 });
    // The essay changes after its downloads were made.
    write('eins', final.eins);
    writeFileSync(join(dir, '_astro/later.webp'), later);

    const { made } = await early.finish();
    expect(Object.keys(made)).toEqual(expect.arrayContaining(['eins', 'zwei']));
    expect(made['zwei']?.sizes).toEqual({
      epub: statSync(join(aloneDir, 'essays/zwei/zwei.epub')).size,
      html: statSync(join(aloneDir, 'essays/zwei/zwei.html')).size,
    });
    const result = await writeOfflineDownloads(dir, options('early'), { early });
    // The same site as one made after the last page was written: the changed essay's downloads
    // were made again, and the essay whose image came late has its downloads.
    expect({ ...result, early: 0 }).toEqual(alone);
    expect(result.early).toBe(Object.keys(made).filter((slug) => slug !== 'eins').length);
    for (const path of [...result.files.map((file) => file.path), 'essays/eins/index.html', 'essays/drei/index.html']) {
      expect(readFileSync(join(dir, path)), path).toEqual(readFileSync(join(aloneDir, path)));
    }
  },
);

test.skipIf(availableParallelism() < 2)(
  'no worker starts early for essays whose pages are unchanged since the last build: their downloads are in the cache',
  async () => {
    const dir = await site('early-unchanged', {});
    const options = { site: undefined, base: '/', siteTitle: 'Essays', siteLang: 'en', cacheDir: join(scratch, 'early-unchanged-cache') };
    // Two essays per worker: four essays would start two workers' worth, but three are unchanged.
    expect(startEarlyDownloads(dir, options, 4, { essaysPerWorker: 2, unchanged: 3 })).toBeUndefined();
    const early = startEarlyDownloads(dir, options, 4, { essaysPerWorker: 2, unchanged: 0 });
    expect(early).toBeDefined();
    early?.stop();
  },
);
