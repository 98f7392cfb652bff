/** What `pa11y-ci --json` prints: per URL, its issues, or one error object when the page failed to run. */
export interface Pa11yReport {
  total: number;
  passes: number;
  errors: number;
  results: Record<string, Array<{ message: string; code?: string; selector?: string; runner?: string; type?: string }>>;
}

/**
 * Everything wrong with an audit, including what pa11y-ci itself lets pass with exit 0:
 * an empty or incomplete URL list, and pages that failed to load.
 */
export function auditFailures(report: Pa11yReport, expectedUrls: readonly string[]): string[] {
  const failures: string[] = [];
  const audited = Object.keys(report.results);
  if (expectedUrls.length === 0) failures.push('There were no pages to audit.');
  for (const url of expectedUrls) {
    if (!audited.includes(url)) failures.push(`${url}: not audited.`);
  }
  for (const [url, results] of Object.entries(report.results)) {
    for (const result of results) {
      failures.push(
        result.code
          ? `${url}: [${result.runner ?? 'pa11y'}] ${result.code}: ${result.message}${result.selector ? ` (${result.selector})` : ''}`
          : `${url}: the page failed to load or run: ${result.message}`,
      );
    }
  }
  return failures;
}
