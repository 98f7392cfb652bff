/**
 * Runs the Nu Html Checker (vnu.jar, the checker behind validator.w3.org/nu, from the
 * vnu-jar package) over built HTML, on Java: one Java process for all the documents, its
 * JSON report read into messages. Java is found the way epubcheck's is (`findJava`); the
 * package's own Java download is turned off (`allowScripts` in package.json).
 *
 * A built site is checked as a host serves it, over HTTP from 127.0.0.1 (static-server.ts),
 * not from its files: read from disk, a page has a `file:` URL, which the page's own
 * Content-Security-Policy's `'self'` does not match, and the checker would report every
 * stylesheet and script of the site as blocked.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { listHtmlFiles, urlPathOf } from '../../src/publishing/pages.ts';
import { findJava } from './epubcheck.ts';
import { serveDirectory, type StaticServer } from './static-server.ts';

export const VNU_JAR = fileURLToPath(import.meta.resolve('vnu-jar/build/dist/vnu.jar'));

export const JAVA_MISSING_MESSAGE = `Java was not found; the Nu Html Checker (vnu.jar, installed with the vnu-jar package) runs on it to check every built page.
Install a Java runtime (17 or later), then run the tests again:
  Debian or Ubuntu:  sudo apt-get install -y default-jre-headless
  macOS:             brew install openjdk
Or set JAVA_HOME to the folder of a Java runtime.`;

/** How to run the checker: the program and the arguments that come before the options and documents. */
export interface HtmlValidatorCommand {
  command: string;
  args: string[];
}

type Env = Record<string, string | undefined>;

/**
 * The checker as a command, when there is a Java to run it (`JAVA_HOME/bin/java`, else
 * `java` on the PATH). It may fetch pages from 127.0.0.1, which it refuses by default.
 */
export function findHtmlValidator(env: Env = process.env): HtmlValidatorCommand | undefined {
  const java = findJava(env);
  return java ? { command: java, args: ['-Dnu.validator.servlet.allow-forbidden-hosts=true', '-jar', VNU_JAR] } : undefined;
}

/** Like `findHtmlValidator`, but no Java is an error that says what to install. */
export function requireHtmlValidator(env: Env = process.env): HtmlValidatorCommand {
  const found = findHtmlValidator(env);
  if (!found) throw new Error(JAVA_MISSING_MESSAGE);
  return found;
}

/** One message of the checker's report. */
export interface HtmlMessage {
  /** `error` (also a document it could not read), `warning`, or `info` (a remark that is neither). */
  severity: 'error' | 'warning' | 'info';
  /** The document, as the checker names it: a `file:` or `http:` URL. */
  url: string;
  line: number | undefined;
  column: number | undefined;
  message: string;
  /** The markup the message is about (the checker's highlighted part of its extract). */
  markup: string | undefined;
  /** The markup around it, as the checker quotes it. */
  extract: string | undefined;
}

interface VnuReport {
  messages: Array<{
    type: string;
    subType?: string;
    url?: string;
    firstLine?: number;
    lastLine?: number;
    firstColumn?: number;
    lastColumn?: number;
    message: string;
    extract?: string;
    hiliteStart?: number;
    hiliteLength?: number;
  }>;
}

/** The messages of a `--format json` report. */
export function parseVnuReport(json: string): HtmlMessage[] {
  const report = JSON.parse(json) as VnuReport;
  return report.messages.map((message) => {
    const { extract, hiliteStart, hiliteLength } = message;
    return {
      severity: message.type === 'info' ? (message.subType === 'warning' ? 'warning' : 'info') : 'error',
      url: message.url ?? '',
      line: message.firstLine ?? message.lastLine,
      column: message.firstColumn ?? message.lastColumn,
      message: message.message,
      markup:
        extract !== undefined && hiliteStart !== undefined && hiliteLength !== undefined
          ? extract.slice(hiliteStart, hiliteStart + hiliteLength)
          : undefined,
      extract,
    };
  });
}

/**
 * Checks HTML documents, files or URLs, and returns every message. Only what is named is
 * checked: the checker passes over a file that is not there without a word, so the caller
 * lists what it means to check.
 */
async function validateHtml(documents: readonly string[], command: HtmlValidatorCommand = requireHtmlValidator()): Promise<HtmlMessage[]> {
  if (documents.length === 0) return [];
  // Asynchronous: the pages may be served from this very process.
  const stdout = await new Promise<string>((resolve, reject) => {
    execFile(
      command.command,
      // --exit-zero-always: a non-zero exit then means the checker itself failed, not the pages.
      [...command.args, '--format', 'json', '--stdout', '--exit-zero-always', ...documents],
      { maxBuffer: 64 * 1024 * 1024 },
      (error, out, stderr) => {
        if (error) reject(new Error(`The Nu Html Checker could not run: ${stderr || error.message}`));
        else resolve(out);
      },
    );
  });
  return parseVnuReport(stdout);
}

/** A built site to check: its folder, the base path it was built for, and a name for it in messages. */
export interface BuiltSite {
  name: string;
  dir: string;
  base?: string;
}

/** A message about one file of a built site. */
export interface SiteHtmlMessage extends HtmlMessage {
  /** The site's name. */
  site: string;
  /** The file, relative to the site's folder (`essays/a/index.html`). */
  file: string;
}

/**
 * Checks every HTML file of each built site (`listHtmlFiles`: its pages and single-file
 * copies), each site served on 127.0.0.1 under its base path, in one run of the checker.
 * Returns the files checked and every message, each with its site and file.
 */
export async function validateBuiltSites(
  sites: readonly BuiltSite[],
  command: HtmlValidatorCommand = requireHtmlValidator(),
): Promise<{ files: number; messages: SiteHtmlMessage[] }> {
  const servers: StaticServer[] = [];
  try {
    const documents = new Map<string, { site: string; file: string }>();
    for (const site of sites) {
      const server = await serveDirectory(site.dir, site.base);
      servers.push(server);
      for (const file of listHtmlFiles(site.dir)) documents.set(new URL(urlPathOf(file), server.url).href, { site: site.name, file });
    }
    const messages = await validateHtml([...documents.keys()], command);
    return {
      files: documents.size,
      messages: messages.map((message) => ({ ...message, ...(documents.get(message.url) ?? { site: '', file: message.url }) })),
    };
  } finally {
    await Promise.all(servers.map((server) => server.close()));
  }
}

/** One line per message (`site: file:line:column: error: message`), and the markup it is about. */
export function formatHtmlMessages(messages: readonly SiteHtmlMessage[]): string {
  return messages
    .map((message) => {
      const where = [message.file, message.line, message.column].filter((part) => part !== undefined).join(':');
      const extract = message.extract ? `\n    ${message.extract.replace(/\s+/g, ' ').trim()}` : '';
      return `${message.site}: ${where}: ${message.severity}: ${message.message}${extract}`;
    })
    .join('\n');
}
