/**
 * Finds and runs epubcheck, the EPUB validator the tests hold every download to. Debian
 * ships it as a jar (`/usr/share/java/epubcheck.jar`, with `/usr/bin/epubcheck` a symlink
 * to it, which runs only where the kernel knows to hand jars to Java); Homebrew and others
 * ship a script. Either is found; the jar is run with Java.
 */
import { execFile } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readFileSync, realpathSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

export const EPUBCHECK_MISSING_MESSAGE = `epubcheck (and a Java runtime to run it) was not found; the EPUB downloads are checked with it.
Install it, then run the tests again:
  Debian or Ubuntu:  sudo apt-get install -y epubcheck default-jre-headless
  macOS:             brew install epubcheck
Or set EPUBCHECK_JAR to the path of epubcheck.jar.`;

/** How to run epubcheck: the program and the arguments that come before the file. */
export interface EpubcheckCommand {
  command: string;
  args: string[];
}

/** Where Debian installs the jar, and the symlink to it. */
const USUAL_JARS = ['/usr/share/java/epubcheck.jar', '/usr/bin/epubcheck'];

type Env = Record<string, string | undefined>;

/**
 * epubcheck as a command: `EPUBCHECK_JAR` when set (and nothing else then), else Debian's
 * jar, else an `epubcheck` on the PATH that is a script, else a jar on the PATH. A jar
 * needs Java: `JAVA_HOME/bin/java`, or `java` on the PATH.
 */
export function findEpubcheck(env: Env = process.env, usualJars: readonly string[] = USUAL_JARS): EpubcheckCommand | undefined {
  const fromEnv = env['EPUBCHECK_JAR'];
  if (fromEnv) return isFile(fromEnv) ? withJava(fromEnv, env) : undefined;
  const jar = usualJars.find((path) => isFile(path) && isJar(path));
  const viaJar = jar && withJava(jar, env);
  if (viaJar) return viaJar;
  for (const dir of (env['PATH'] ?? '').split(delimiter).filter(Boolean)) {
    const candidate = join(dir, 'epubcheck');
    if (!isFile(candidate)) continue;
    if (isJar(candidate)) return withJava(candidate, env);
    if (isExecutable(candidate) && isScript(candidate)) return { command: candidate, args: [] };
  }
  return undefined;
}

/** Like `findEpubcheck`, but a missing epubcheck is an error that says what to install. */
export function requireEpubcheck(env: Env = process.env): EpubcheckCommand {
  const found = findEpubcheck(env);
  if (!found) throw new Error(EPUBCHECK_MISSING_MESSAGE);
  return found;
}

function withJava(jar: string, env: Env): EpubcheckCommand | undefined {
  const java = findJava(env);
  return java ? { command: java, args: ['-jar', jar] } : undefined;
}

/** Java: `JAVA_HOME/bin/java`, else `java` on the PATH. Also what runs the Nu Html Checker (html-validator.ts). */
export function findJava(env: Env = process.env): string | undefined {
  const home = env['JAVA_HOME'];
  if (home && isExecutable(join(home, 'bin', 'java'))) return join(home, 'bin', 'java');
  return (env['PATH'] ?? '')
    .split(delimiter)
    .filter(Boolean)
    .map((dir) => join(dir, 'java'))
    .find(isExecutable);
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return isFile(path);
  } catch {
    return false;
  }
}

/** A zip (jar) starts with "PK"; a script with "#!". */
function startsWith(path: string, magic: string): boolean {
  try {
    return readFileSync(realpathSync(path)).subarray(0, magic.length).toString('latin1') === magic;
  } catch {
    return false;
  }
}

function isJar(path: string): boolean {
  return startsWith(path, 'PK');
}

function isScript(path: string): boolean {
  return startsWith(path, '#!');
}

/** One message of epubcheck's report. */
export interface EpubcheckMessage {
  id: string;
  severity: 'FATAL' | 'ERROR' | 'WARNING' | 'INFO' | 'USAGE' | string;
  message: string;
  /** `path:line:column` inside the EPUB. */
  locations: string[];
}

interface JsonReport {
  messages: Array<{ ID: string; severity: string; message: string; locations?: Array<{ path: string; line: number; column: number }> }>;
}

/**
 * Checks one EPUB, usage messages included (`-u`), and returns every message of the
 * report (its `--json` output; the exit code only says whether there were errors).
 */
export async function runEpubcheck(file: string, command: EpubcheckCommand = requireEpubcheck()): Promise<EpubcheckMessage[]> {
  const scratch = mkdtempSync(join(tmpdir(), 'epubcheck-'));
  const reportFile = join(scratch, 'report.json');
  try {
    await new Promise<void>((resolve, reject) => {
      execFile(
        command.command,
        [...command.args, file, '-u', '--json', reportFile],
        { maxBuffer: 16 * 1024 * 1024 },
        (error, _stdout, stderr) => {
          // A non-zero exit with a report means errors were found: the report says which.
          if (error && !isFile(reportFile)) reject(new Error(`epubcheck could not check ${file}: ${stderr || error.message}`));
          else resolve();
        },
      );
    });
    return parseEpubcheckReport(readFileSync(reportFile, 'utf8'));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The messages of an epubcheck `--json` report. */
export function parseEpubcheckReport(json: string): EpubcheckMessage[] {
  const report = JSON.parse(json) as JsonReport;
  return report.messages.map((message) => ({
    id: message.ID,
    severity: message.severity,
    message: message.message,
    locations: (message.locations ?? []).map((location) => `${location.path}:${location.line}:${location.column}`),
  }));
}

/** One line per message: `ERROR RSC-005 essay.xhtml:3:40: …`. */
export function formatEpubcheckMessages(messages: readonly EpubcheckMessage[]): string {
  return messages.map((message) => `${message.severity} ${message.id} ${message.locations.join(', ')}: ${message.message}`).join('\n');
}
