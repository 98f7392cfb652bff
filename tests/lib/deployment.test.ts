import { expect, test } from 'vitest';
import { deploymentFromEnv, normaliseBase } from '../../src/lib/deployment.ts';

test('the base path is normalised to start and end with a slash', () => {
  expect(normaliseBase(undefined)).toBe('/');
  expect(normaliseBase('/')).toBe('/');
  expect(normaliseBase('essays')).toBe('/essays/');
  expect(normaliseBase('/a/b//')).toBe('/a/b/');
});

test('a base path that is not a plain path is refused, naming the variable', () => {
  expect(() => normaliseBase('/a/../b')).toThrow(/BASE_PATH/);
  expect(() => normaliseBase('/a?b')).toThrow(/BASE_PATH/);
});

test('SITE_URL is reduced to its origin and must be http(s)', () => {
  expect(deploymentFromEnv({ SITE_URL: 'https://example.org/ignored/' })).toEqual({ site: 'https://example.org', base: '/' });
  expect(deploymentFromEnv({})).toEqual({ site: undefined, base: '/' });
  expect(() => deploymentFromEnv({ SITE_URL: 'example.org' })).toThrow(/SITE_URL must be an absolute URL/);
  expect(() => deploymentFromEnv({ SITE_URL: 'ftp://example.org' })).toThrow(/SITE_URL must start with https/);
});
