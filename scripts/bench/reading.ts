/**
 * What a reader meets on an essay page, beside the same essay set by other sites: each page
 * served on 127.0.0.1 and read in Chromium at a phone's, a laptop's and a desktop's size, in
 * the light scheme. The face and size the text is actually set in, its line height and line
 * length, where the first paragraph starts, whether notes sit in the margin, sideways
 * scrolling, contrast, weight, and layout shift while scrolling; and screenshots to look at.
 * Figures, not a test (issue 12: "a reader would rather read ours").
 *
 *   node scripts/bench/reading.ts [<label>=<dir>[:<page path>] …] [--shots DIR] [--json PATH]
 *
 * Without sites, measures this project's dist/ (its first essay). Without a page path, a site's
 * first essay, else the page with the most text Pagefind indexes (a Starlight site), else its
 * home page. Screenshots go to .tmp/reading-shots, the figures to reports/reading.json.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, requireBrowser } from '../lib/browser.ts';
import { serveDirectory } from '../lib/static-server.ts';
import { readSite, SCREENS, type Reading } from './reading-page.ts';
import { printTable } from './reading-report.ts';
import { parseSiteArgument } from './site-argument.ts';

const ROOT = resolve(import.meta.dirname, '../..');

const USAGE = `node scripts/bench/reading.ts [<label>=<dir>[:<page path>] …] [--shots DIR] [--json PATH]

Reads an essay page of each site in Chromium at 375×667, 1024×768 and 1440×900 (light
scheme) and prints what a reader meets: face and size, line height, characters per line,
where the first paragraph starts, margin notes, sideways scrolling, contrast, weight and
layout shift. Without sites: ours=dist (its first essay).

  --shots DIR   where the screenshots go (.tmp/reading-shots)
  --json PATH   where the figures go (reports/reading.json)`;

/** Reads every site at every screen size, prints the table and writes the figures. */
async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      shots: { type: 'string', default: join(ROOT, '.tmp', 'reading-shots') },
      json: { type: 'string', default: join(ROOT, 'reports', 'reading.json') },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const sites = positionals.length > 0 ? positionals.map(parseSiteArgument) : [parseSiteArgument(`ours=${join(ROOT, 'dist')}`)];
  const shots = resolve(values.shots);
  mkdirSync(shots, { recursive: true });
  // A fresh profile each run: a service worker or cache left from another run would change the figures.
  const userDataDir = mkdtempSync(join(tmpdir(), 'reading-chromium-'));
  const browser = await puppeteer.launch({ executablePath: requireBrowser(), headless: true, args: CHROMIUM_ARGS, userDataDir });
  const readings: Reading[] = [];
  try {
    console.log(`In ${await browser.version()} (headless), light scheme, each page in an empty cache, served on 127.0.0.1.`);
    for (const site of sites) console.log(`  ${site.label}: ${relative(process.cwd(), join(site.dir, site.page)) || '.'}`);
    console.log('');
    for (const site of sites) {
      const server = await serveDirectory(site.dir);
      try {
        for (const screen of SCREENS) readings.push(await readSite(browser, site, server.url, screen, shots));
      } finally {
        await server.close();
      }
    }
  } finally {
    await browser.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
  printTable(readings);
  const json = resolve(values.json);
  mkdirSync(dirname(json), { recursive: true });
  writeFileSync(json, `${JSON.stringify({ date: new Date().toISOString(), screens: SCREENS, readings }, null, 2)}\n`);
  console.log(`\nThe figures are in ${relative(process.cwd(), json)}; the screenshots in ${relative(process.cwd(), shots)}.`);
  return 0;
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(`${(error as Error).message}\n\n${USAGE}`);
  process.exitCode = 1;
}
