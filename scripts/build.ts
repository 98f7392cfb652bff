/**
 * The one build pipeline: Astro renders the site into a fresh staging folder beside the
 * output folder, the post-build steps (the search index) run on that folder, and only a
 * complete site replaces `dist/`.
 * A failed build exits non-zero and leaves the previous `dist/` as it was.
 *
 *   node scripts/build.ts            → dist/
 *   OUT_DIR=/tmp/site node scripts/build.ts
 */
// First: it decides whether the log has colours, before any module that colours it loads.
import './lib/plain-log.ts';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { build } from 'astro';
import { watchForLoggedErrors } from './lib/logged-errors.ts';
import { writeSearchIndex } from './lib/search-index.ts';
import { writeOfflineDownloads } from './lib/offline-downloads.ts';
import { writeServiceWorker } from './lib/service-worker.ts';
import { socialCardsSummary, writeSocialCards } from './lib/social-cards.ts';
import { HOST_FILES, headersFile } from './lib/host-headers.ts';
import { writeFeed } from './lib/feed.ts';
import { listPages } from './lib/pages.ts';
import { IMPORT_META_ENV_NAMES } from './lib/import-meta-env.ts';
import { readSettings, SettingsError, type Settings } from '../src/lib/settings.ts';

const root = resolve(import.meta.dirname, '..');
// A bad setting stops the build before anything is written, with every problem at once.
let settings: Settings;
try {
  settings = readSettings(process.env);
} catch (error) {
  if (!(error instanceof SettingsError)) throw error;
  console.error(`\nBuild failed. ${error.message}`);
  process.exit(1);
}
const { site, base, siteTitle, siteLang, cacheDir } = settings;
const outDir = resolve(root, settings.outDir);
// Staging sits beside the output folder, on the same file system, so publishing is one rename.
mkdirSync(dirname(outDir), { recursive: true });
const staging = mkdtempSync(join(dirname(outDir), `.${basename(outDir)}-staging-`));

const loggedErrors = watchForLoggedErrors();
try {
  // CACHE_DIR gives a build its own content cache, so builds of different essay folders
  // (the tests build fixture sites) never read each other's entries.
  for (const name of IMPORT_META_ENV_NAMES) delete process.env[name];
  // Astro's own log is kept to warnings and errors: its page-by-page list would be one line
  // per essay (10,000 lines for 500 essays). The steps below say what was built.
  const started = performance.now();
  await build({ root, outDir: staging, mode: 'production', logLevel: 'warn', ...(cacheDir ? { cacheDir: resolve(root, cacheDir) } : {}) });
  // Astro sometimes logs a rendering error and still finishes (withastro/astro#18054):
  // a page would be published half empty. Any error it logged fails the build.
  if (loggedErrors.count() > 0) {
    throw new Error(`Astro reported ${loggedErrors.count()} error(s) while building; see the messages above.`);
  }
  console.log(`Pages: ${listPages(staging).length} built in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  // Every essay's EPUB and single-file HTML, made from its built page; the page's download
  // links get their sizes. Before the index, so the index reads the finished pages.
  const downloads = await writeOfflineDownloads(staging, { site, base, siteTitle, siteLang });
  console.log(
    `Offline downloads: an EPUB and a single-file HTML for each of ${downloads.essays} essay(s), ${formatBytes(downloads.bytes)} in all.`,
  );
  // The essays' social cards, which their pages name with an absolute address: only with
  // SITE_URL. Kept in the build's cache folder (Astro's own without CACHE_DIR) between builds.
  if (site) {
    const cardsStarted = performance.now();
    const cards = await writeSocialCards(
      staging,
      { siteTitle, cacheDir: resolve(root, cacheDir ?? 'node_modules/.astro') },
      downloads.metadata,
    );
    console.log(socialCardsSummary(cards, (performance.now() - cardsStarted) / 1000));
  }
  // The search index is part of the site: indexed in staging, so a failed index fails the build.
  const search = await writeSearchIndex(staging);
  console.log(`Search index: ${search.pages} essay page(s) indexed.`);
  // Last: the service worker precaches the finished site, search index included.
  const offline = await writeServiceWorker(staging, { base });
  console.log(
    `Offline reading: the service worker precaches ${offline.count} files, ${formatBytes(offline.bytes)}, of a site of ${offline.siteCount} files, ${formatBytes(offline.siteBytes)}.`,
  );
  // The feed copies the newest essays in full: written after the precache, which it would double.
  if (site) {
    const feed = await writeFeed(staging, { site, base, siteTitle, siteLang }, downloads.metadata);
    console.log(`Feed: ${feed.items} essay(s) in feed.xml, with the sitemap named in robots.txt.`);
  } else {
    console.log(
      'Feed, sitemap and social cards: none, as they need absolute addresses. Set SITE_URL (such as https://essays.example) to publish them.',
    );
  }
  if (!settings.accessibilityContact) {
    console.log(
      'Accessibility statement: no address for reporting barriers. Set ACCESSIBILITY_CONTACT (such as access@essays.example) to give readers one.',
    );
  }
  // Files for the host, not for readers (after the precache, which leaves them out):
  // `_headers` gives Netlify and Cloudflare Pages the CSP and hardening headers, and
  // `.nojekyll` keeps GitHub Pages from hiding `_astro/`, as Jekyll hides `_` folders.
  const [headers, noJekyll] = HOST_FILES;
  writeFileSync(join(staging, headers), headersFile(base));
  writeFileSync(join(staging, noJekyll), '');
  publish(staging, outDir);
  console.log(`\nThe site is in ${outDir}`);
} catch (error) {
  rmSync(staging, { recursive: true, force: true });
  console.error(`\nBuild failed. ${describe(error)}\nNothing was written to ${outDir}.`);
  process.exitCode = 1;
} finally {
  loggedErrors.stop();
}

/** Swaps the finished staging folder into place, so `outDir` is never half written. */
function publish(from: string, to: string): void {
  // mkdtemp makes the staging folder 0700: a copy that keeps modes (rsync -a, scp -p, a
  // tarball) would be unreadable to the web server's user. The site is public: 0755/0644.
  makeReadable(from);
  const previous = `${from}-previous`;
  if (existsSync(to)) renameSync(to, previous);
  renameSync(from, to);
  rmSync(previous, { recursive: true, force: true });
}

/** Folders 0755 and files 0644 throughout `dir`, whatever the umask made of them. */
function makeReadable(dir: string): void {
  chmodSync(dir, 0o755);
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    chmodSync(join(entry.parentPath, entry.name), entry.isDirectory() ? 0o755 : 0o644);
  }
}

function formatBytes(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const location = (error as { loc?: { file?: string; line?: number; column?: number } }).loc;
  const where = location?.file
    ? `\n  at ${location.file}${location.line ? `:${location.line}` : ''}${location.column ? `:${location.column}` : ''}`
    : '';
  // Bundler errors carry their stack inside the message; the author needs only the words.
  const message = error.message
    .split('\n')
    .filter((line) => !/^\s+at /.test(line))
    .join('\n');
  return `${message}${where}`;
}
