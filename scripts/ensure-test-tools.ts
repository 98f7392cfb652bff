/**
 * Runs before the tests: makes sure the tools the tests use are there: a Chromium for
 * pa11y-ci and the browser tests, a Firefox for the browser tests' second engine, epubcheck (with Java) for the EPUB downloads, Java
 * for the Nu Html Checker (its jar comes with the vnu-jar package), and on Linux the fonts the layout tests are measured with. On Debian as root it
 * installs Debian's packages; anywhere else it says what to install. It never downloads a
 * browser or a Java runtime of its own.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { BROWSER_MISSING_MESSAGE, findBrowser, findFirefox, FIREFOX_MISSING_MESSAGE } from './lib/browser.ts';
import { EPUBCHECK_MISSING_MESSAGE, findEpubcheck } from './lib/epubcheck.ts';
import { findHtmlValidator, JAVA_MISSING_MESSAGE } from './lib/html-validator.ts';

interface Tool {
  name: string;
  find: () => string | undefined;
  /** Debian's packages that provide it. */
  packages: string[];
  missingMessage: string;
  /** Set when the user chose the tool's path: then nothing is installed in its place. */
  chosenBy: string | undefined;
  /** Without it the tests still run, and some may fail: a warning, not a stop. */
  optional?: boolean;
}

/** Where Debian puts Liberation Serif (fonts-liberation2, and the older fonts-liberation). */
const LIBERATION_SERIF = [
  '/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf',
  '/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf',
];

/**
 * The fonts the layout tests are measured with, on Linux: Liberation's, with the metrics of Times New
 * Roman, Arial and Courier New, the fallbacks of most readers' browsers. A machine with DejaVu's alone
 * (a bare Debian) sets the essay's 55ch measure wider, and two layout tests, one on the room beside the
 * text at 800 px and one on the spacing of two-digit note markers, fail there. Other systems have
 * fonts of their own.
 */
function findLayoutFonts(): string | undefined {
  if (process.platform !== 'linux') return 'the system fonts';
  return LIBERATION_SERIF.find((path) => existsSync(path));
}

const tools: Tool[] = [
  {
    name: 'Browser for the tests',
    find: () => findBrowser(),
    packages: ['chromium'],
    missingMessage: BROWSER_MISSING_MESSAGE,
    chosenBy: process.env['PUPPETEER_EXECUTABLE_PATH'],
  },
  {
    name: 'Firefox for the browser tests',
    find: () => findFirefox(),
    packages: ['firefox-esr'],
    missingMessage: FIREFOX_MISSING_MESSAGE,
    chosenBy: process.env['FIREFOX_EXECUTABLE_PATH'],
  },
  {
    name: 'EPUB checker',
    find: () => {
      const found = findEpubcheck();
      return found && [found.command, ...found.args].join(' ');
    },
    packages: ['epubcheck', 'default-jre-headless'],
    missingMessage: EPUBCHECK_MISSING_MESSAGE,
    chosenBy: process.env['EPUBCHECK_JAR'],
  },
  {
    name: 'HTML checker (Nu Html Checker)',
    find: () => {
      const found = findHtmlValidator();
      return found && [found.command, ...found.args].join(' ');
    },
    packages: ['default-jre-headless'],
    missingMessage: JAVA_MISSING_MESSAGE,
    chosenBy: process.env['JAVA_HOME'],
  },
  {
    name: 'Fonts the layout tests are measured with',
    find: findLayoutFonts,
    packages: ['fonts-liberation2'],
    missingMessage:
      'The Liberation fonts are not installed: the layout tests are measured with them, and two may fail without. Install them (sudo apt-get install -y fonts-liberation2).',
    chosenBy: undefined,
    optional: true,
  },
];

const missing = tools.filter((tool) => !tool.find());
const installable = missing.filter((tool) => !tool.chosenBy);
if (installable.length > 0 && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
  const packages = [...new Set(installable.flatMap((tool) => tool.packages))];
  console.log(`Installing Debian's ${packages.join(', ')} for the tests (apt-get install -y)…`);
  const quiet = { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } } as const;
  execFileSync('apt-get', ['update', '-q'], quiet);
  execFileSync('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...packages], quiet);
}

let failed = false;
for (const tool of tools) {
  const found = tool.find();
  if (found) {
    console.log(`${tool.name}: ${found}`);
  } else {
    console.error(tool.missingMessage);
    if (!tool.optional) failed = true;
  }
}
if (failed) process.exit(1);
