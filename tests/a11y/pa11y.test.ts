import { join } from 'node:path';
import { expect, inject, test } from 'vitest';
import { auditSite } from '../../scripts/audit-a11y.ts';
import { listPages } from '../../src/publishing/pages.ts';
import { ROOT } from '../support/build-site.ts';

test('pa11y-ci (htmlcs and axe, WCAG2AA) finds zero issues on every built page', async () => {
  const siteDir = inject('siteDir');
  const { failures, audited } = await auditSite(siteDir);
  expect(failures).toEqual([]);
  expect(audited.length).toBeGreaterThanOrEqual(listPages(siteDir).length);
});

test('pa11y-ci finds zero issues on the fixture essays that use every component', async () => {
  const { failures } = await auditSite(inject('componentsSiteDir'), '/', { extraRuns: false });
  expect(failures).toEqual([]);
});

test('the audit fails on a page with known problems, so a pass means something', async () => {
  const { failures } = await auditSite(join(ROOT, 'tests/fixtures/a11y-bad-site'));
  expect(failures.join('\n')).toMatch(/image|alt/i);
  expect(failures.join('\n')).toMatch(/contrast/i);
});
