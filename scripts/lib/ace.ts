/**
 * Runs Ace by DAISY (`@daisy/ace-cli`), the EPUB accessibility checker, on one EPUB: axe's
 * rules on every content document, and the EPUB Accessibility metadata of the package.
 * Ace starts its own headless browser through Puppeteer, which downloads none here
 * (`.puppeteerrc.cjs`): it is pointed at the Chromium the browser tests use, and passes
 * `--no-sandbox` itself (`@daisy/ace-axe-runner-puppeteer`'s `launch()`).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { requireBrowser } from './browser.ts';

/** One rule an EPUB broke: the rule, its impact, where, and what Ace says. */
export interface AceViolation {
  rule: string;
  impact: string;
  /** The file inside the EPUB, and the CSS selector of the element when there is one. */
  location: string;
  description: string;
}

export interface AceReport {
  /** Ace's verdict on the whole EPUB: `pass` or `fail`. */
  outcome: string;
  violations: AceViolation[];
  /** The accessibility metadata Ace looked for in the package and did not find (`a11y:certifiedBy`…). */
  missingMetadata: string[];
}

interface Assertion {
  'earl:result': { 'earl:outcome': string; 'dct:description'?: string; 'earl:pointer'?: { css?: string[] } };
  'earl:test'?: { 'dct:title': string; 'earl:impact': string };
  'earl:testSubject'?: { url: string };
  assertions?: Assertion[];
}

interface JsonReport {
  'earl:result': { 'earl:outcome': string };
  assertions: Assertion[];
  'a11y-metadata': { missing: string[] };
}

/** The violations and missing metadata of Ace's `report.json`. */
export function parseAceReport(json: string): AceReport {
  const report = JSON.parse(json) as JsonReport;
  const violations = report.assertions.flatMap((document) =>
    (document.assertions ?? [])
      .filter((assertion) => assertion['earl:result']['earl:outcome'] === 'fail')
      .map((assertion) => ({
        rule: assertion['earl:test']?.['dct:title'] ?? 'unknown rule',
        impact: assertion['earl:test']?.['earl:impact'] ?? 'unknown',
        location: [document['earl:testSubject']?.url ?? '', ...(assertion['earl:result']['earl:pointer']?.css ?? [])].join(' '),
        description: (assertion['earl:result']['dct:description'] ?? '').replace(/\s*\n\s*/g, '; '),
      })),
  );
  return { outcome: report['earl:result']['earl:outcome'], violations, missingMetadata: report['a11y-metadata'].missing };
}

/** One line per violation: `serious image-alt essay.xhtml #figure-1 img: …`. */
export function formatAceViolations(violations: readonly AceViolation[]): string {
  return violations.map((violation) => `${violation.impact} ${violation.rule} ${violation.location}: ${violation.description}`).join('\n');
}

/** Checks one EPUB with Ace, in the system's Chromium, and returns its report. */
export async function runAce(file: string): Promise<AceReport> {
  const ace = fileURLToPath(import.meta.resolve('@daisy/ace-cli/bin/ace.js'));
  const scratch = mkdtempSync(join(tmpdir(), 'ace-'));
  try {
    await new Promise<void>((resolve, reject) => {
      execFile(
        process.execPath,
        [ace, '--silent', '--force', '--outdir', join(scratch, 'report'), '--tempdir', join(scratch, 'work'), file],
        { env: { ...process.env, PUPPETEER_EXECUTABLE_PATH: requireBrowser() }, maxBuffer: 16 * 1024 * 1024 },
        // Without --exiterror2, Ace exits with 0 when it has checked the EPUB, whatever it found.
        (error, stdout, stderr) =>
          error ? reject(new Error(`Ace could not check ${file}: ${stderr || stdout || error.message}`)) : resolve(),
      );
    });
    return parseAceReport(readFileSync(join(scratch, 'report', 'report.json'), 'utf8'));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
