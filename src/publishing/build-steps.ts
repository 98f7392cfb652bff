import { writeFileSync } from 'node:fs';
import { essayFilesBySlug } from '../authoring/essay-folder.ts';
import { join } from 'node:path';
import type { SiteConfig } from '../config/options.ts';
import type { DownloadFormat } from '../offline/downloads.ts';
import { fillDownloadSizes, type OfflineDownloadsOptions } from '../offline/essay-downloads.ts';
import { writeOfflineDownloads, type EarlyDownloads } from '../offline/write-downloads.ts';
import { writeServiceWorker } from '../offline/write-service-worker.ts';
import type { EssayMetadata } from '../offline/offline-article.ts';
import { searchLanguagesNotice } from '../search/stemming.ts';
import { missingLabelsNotice, resolveLabels, type SiteLabels } from '../strings/labels.ts';
import type { EarlySearchIndex } from '../search/early-search-index.ts';
import { copySearchPages, writeSearchIndex, type SearchPages } from '../search/write-search-index.ts';
import { HOST_FILES, headersFile } from './host-headers.ts';
import type { InlineHashes } from './content-security-policy.ts';
import { writeEssayPages } from './essay-pages.ts';
import { essaySlugsOf } from './pages.ts';
import { runInOrder } from './step-order.ts';
import { writeCitationFiles } from './write-citation-files.ts';
import { writeFeed } from './write-feed.ts';
import { socialCardsSummary, writeSocialCards } from './write-social-cards.ts';

/** What every step is handed: the site being built, and what earlier steps read from it. */
export interface StepContext {
  /** The staging folder Astro rendered the site into. */
  dir: string;
  /**
   * Its pages (`listPageFiles`), listed once: each step that reads the pages would otherwise walk
   * the whole site for them, 3,500 files at 500 essays and 25 to 50 ms a walk.
   */
  pageFiles: readonly string[];
  /** The project's folder, which the essays folder is in. */
  root: string;
  config: SiteConfig;
  /** Where cards and downloads made in earlier builds are kept (Astro's cache folder). */
  cacheDir: string;
  /** Each essay page's metadata, as the offline downloads read it from the finished pages. */
  essays: EssayMetadata[];
  /** Each essay's downloads' sizes in bytes, by slug, for its page's download links (from the downloads). */
  downloadSizes: Record<string, Record<DownloadFormat, number>>;
  /** The CSP hashes of the stylesheets and scripts written into the essay pages, for `_headers`. */
  inlineHashes: InlineHashes;
  /** The site's own labels by language (the `strings` option, its modules loaded). */
  siteLabels?: SiteLabels;
  /** The essay pages as Astro wrote them, copied for the search index (`copySearchPages`). */
  searchPages?: SearchPages;
  /** The downloads a worker made while Astro rendered the pages (`startEarlyDownloads`). */
  earlyDownloads?: EarlyDownloads | undefined;
  /** A rebuild's search index, begun as Astro's build started (`startEarlySearchIndex`). */
  earlySearch?: EarlySearchIndex | undefined;
}

/** One step after Astro has rendered the pages: what it reads, what it writes, and the line it logs. */
export interface BuildStep {
  name: string;
  reads: string;
  writes: string;
  /**
   * The steps whose output this one reads, when not every step before it: it starts as soon as
   * they are done, beside the others (src/publishing/step-order.ts).
   */
  after?: readonly string[];
  /** Runs only on sites where this holds (the feed and cards need an absolute address). */
  when?: (config: SiteConfig) => boolean;
  /** The step's line for the build log; none for a step that only prepares another's work. */
  run: (context: StepContext) => Promise<string | undefined>;
}

/** The options of the offline downloads, the same for the worker that starts while Astro renders and for the step. */
export function offlineDownloadsOptions({
  config,
  cacheDir,
  siteLabels,
}: Pick<StepContext, 'config' | 'cacheDir' | 'siteLabels'>): OfflineDownloadsOptions {
  const { site, base, title: siteTitle, lang: siteLang } = config;
  return { site, base, siteTitle, siteLang, siteLabels, cacheDir: join(cacheDir, 'offline-downloads') };
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

/**
 * The steps of a build after Astro's pages, in the order they run inside `astro:build:done`
 * (docs/architecture.md lists them from here). The order matters where a step reads what
 * another writes; each says so.
 */
export const BUILD_STEPS: readonly BuildStep[] = [
  {
    name: 'Search pages',
    reads: 'every essay page, as Astro wrote it',
    writes:
      'a copy of each in the cache folder (kept between builds, written again only where the page changed), which the search index reads while the steps below write into the pages',
    run: async (context) => {
      context.searchPages = copySearchPages(context.dir, join(context.cacheDir, 'search-pages'), context.pageFiles);
      return undefined;
    },
  },
  {
    name: 'Offline downloads',
    reads: 'every essay page',
    writes:
      "each essay's EPUB and single-file HTML beside its page (copied from the cache when its page has not changed); their sizes and the essays' metadata for the steps below",
    run: async (context) => {
      const downloads = await writeOfflineDownloads(context.dir, offlineDownloadsOptions(context), {
        early: context.earlyDownloads,
        slugs: essaySlugsOf(context.pageFiles),
      });
      context.essays = downloads.metadata;
      context.downloadSizes = downloads.sizes;
      const notes = [
        ...(downloads.reused > 0 ? [`${downloads.reused} unchanged since the last build, copied from the cache`] : []),
        ...(downloads.early > 0 ? [`${downloads.early} while Astro rendered the pages`] : []),
      ];
      const reused = notes.length > 0 ? ` (${notes.join('; ')})` : '';
      return `Offline downloads: an EPUB and a single-file HTML for each of ${downloads.essays} essay(s), ${kib(downloads.bytes)} in all${reused}.`;
    },
  },
  {
    name: 'Citation files',
    reads: "the essays' metadata (from the downloads)",
    writes:
      "each essay's citation for a reference manager beside its page: BibTeX, RIS and CSL-JSON (hard links to the same files in the cache)",
    run: async (context) => {
      const files = await writeCitationFiles(context.dir, context.config.title, context.essays, join(context.cacheDir, 'citation-files'));
      return `Citation files: BibTeX, RIS and CSL-JSON for ${context.essays.length} essay(s), ${files} files.`;
    },
  },
  {
    name: 'Social cards',
    reads: "the essays' metadata (from the downloads), the colour tokens and the card fonts each title needs",
    writes: 'one PNG card per essay, named by every essay page',
    when: (config) => config.site !== undefined,
    run: async (context) => {
      const started = performance.now();
      const { root, config } = context;
      // Read only when a title cannot be drawn, to name its file.
      const essayFile = (slug: string) => essayFilesBySlug(root, config.essaysDir).get(slug);
      const cards = await writeSocialCards(context.dir, { siteTitle: config.title, cacheDir: context.cacheDir, essayFile }, context.essays);
      return socialCardsSummary(cards, (performance.now() - started) / 1000);
    },
  },
  {
    name: 'Search index',
    reads: "the essay pages' copies (from Search pages): their text, not their download links, which it ignores",
    writes: 'pagefind/: one index per essay language (hard links to the same files in the cache)',
    // Pagefind is a process of its own: it indexes the pages' copies while the downloads are
    // made on the build's threads and written into the pages.
    after: ['Search pages'],
    run: async (context) => {
      const search = await writeSearchIndex(context.dir, context.searchPages, context.earlySearch, join(context.cacheDir, 'search-bundle'));
      const early = search.early > 0 ? ` (${search.early} unchanged since the last build, read while Astro built the pages)` : '';
      return [`Search index: ${search.pages} essay page(s) indexed${early}.`, searchLanguagesNotice(search.languages)].join('\n');
    },
  },
  {
    name: 'Essay pages',
    reads: 'every essay page, the sizes of its downloads (from the downloads), the stylesheets it links and its classic script',
    writes:
      "each essay page, once: its download links' sizes, its stylesheets in `<style>` and its classic script in `<script>`, allowed by hash in its `<meta>` policy (a hard link to the page the last build published, where it comes out the same); the hashes for `_headers`",
    // Beside the search index, which reads the pages' copies.
    after: ['Offline downloads'],
    run: async (context) => {
      const langs = new Map(context.essays.map((essay) => [essay.slug, essay.lang]));
      const lang = (slug: string) => langs.get(slug) ?? context.config.lang;
      const pages = await writeEssayPages(context.dir, {
        base: context.config.base,
        edit: (slug, html) => {
          const sizes = context.downloadSizes[slug];
          if (!sizes) throw new Error(`essays/${slug}/: the offline downloads gave no sizes for this essay's download links.`);
          return fillDownloadSizes(html, sizes, lang(slug));
        },
        editKey: (slug) => JSON.stringify([context.downloadSizes[slug], lang(slug)]),
        keepIn: join(context.cacheDir, 'essay-pages'),
        slugs: essaySlugsOf(context.pageFiles),
      });
      context.inlineHashes = pages.hashes;
      const { styles, scripts } = pages.hashes;
      const unchanged = pages.unchanged > 0 ? ` (${pages.unchanged} unchanged since the last build, linked from the cache)` : '';
      return `Essay pages: ${pages.pages} finished with their download sizes, their CSS (${styles.length} distinct stylesheet(s)) and ${scripts.length} classic script(s)${unchanged}.`;
    },
  },
  {
    name: 'Service worker',
    reads: 'the finished site, search index included',
    writes:
      "sw.js, precaching the shell a reader needs offline; offline-site.json, the rest of the site with sizes, for saving it all; the home page's save control's sizes",
    run: async (context) => {
      const offline = await writeServiceWorker(context.dir, {
        base: context.config.base,
        lang: context.config.lang,
        siteLabels: context.siteLabels,
        revisionsFile: join(context.cacheDir, 'file-revisions.json'),
      });
      const { site, siteBytes, downloads, downloadBytes } = offline.list;
      return `Offline reading: the service worker precaches ${offline.count} files, ${kib(offline.bytes)}, on a first visit; saving the whole site adds ${site.length} files, ${kib(siteBytes)} (and ${downloads.length} downloads, ${kib(downloadBytes)}), of a site of ${offline.siteCount} files, ${kib(offline.siteBytes)}.`;
    },
  },
  {
    name: 'Feed',
    reads: "the essays' metadata and the newest essay pages",
    writes: 'feed.xml with the newest essays in full (after the precache, which it would double)',
    when: (config) => config.site !== undefined,
    run: async (context) => {
      const { site = '', base, title: siteTitle, lang: siteLang } = context.config;
      const feed = await writeFeed(context.dir, { site, base, siteTitle, siteLang, siteLabels: context.siteLabels }, context.essays);
      return `Feed: ${feed.items} essay(s) in feed.xml, with the sitemap named in robots.txt.`;
    },
  },
  {
    name: 'Host files',
    reads: "the base path and the inline stylesheets' hashes",
    writes:
      '_headers (CSP and hardening headers for Netlify and Cloudflare Pages) and .nojekyll (for GitHub Pages, which hides `_astro/` otherwise)',
    run: async (context) => {
      const [headers, noJekyll] = HOST_FILES;
      writeFileSync(join(context.dir, headers), headersFile(context.config.base, context.inlineHashes));
      writeFileSync(join(context.dir, noJekyll), '');
      return `Host files: ${HOST_FILES.join(' and ')}.`;
    },
  },
];

/** Runs every step that applies to the site, in order; each one's line goes to `log`. */
export async function runBuildSteps(context: StepContext, log: (line: string) => void): Promise<void> {
  log(`Pages: ${context.pageFiles.length} built.`);
  await runInOrder(
    BUILD_STEPS,
    async ({ when, run }) => (when && !when(context.config) ? undefined : run(context)),
    (line) => {
      if (line !== undefined) log(line);
    },
  );
  for (const line of stringsNotices(context)) log(line);
  if (!context.config.site) {
    log(
      'Feed, sitemap and social cards: none, as they need absolute addresses. Set SITE_URL (such as https://essays.example) to publish them.',
    );
  }
  if (!context.config.accessibilityContact) {
    log(
      'Accessibility statement: no address for reporting barriers. Set ACCESSIBILITY_CONTACT (such as access@essays.example) to give readers one.',
    );
  }
}

/**
 * One line for each language of the site (its own and its essays') that lacks interface
 * strings: which, and how to supply them. Nothing for a language that has them all.
 */
function stringsNotices({ config, essays, siteLabels }: StepContext): string[] {
  const languages = [...new Set([config.lang, ...essays.map((essay) => essay.lang)])].sort();
  return languages.flatMap((lang) => missingLabelsNotice(resolveLabels(lang, siteLabels)) ?? []);
}
