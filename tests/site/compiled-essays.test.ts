import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';
import { afterAll, describe, expect, test } from 'vitest';
import {
  CompiledEssayStore,
  compiledEssayKey,
  compiledEssays,
  compileSettingsDigest,
  compileSummary,
} from '../../src/site/compiled-essays.ts';

const root = mkdtempSync(join(tmpdir(), 'compiled-essays-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function folder(name: string): string {
  const dir = join(root, name);
  mkdirSync(join(dir, 'essays'), { recursive: true });
  return dir;
}

const essay = (words: string, frontmatter = '') => `---\ntitle: One\n${frontmatter}---\n\n${words}\n`;

describe('compiledEssayKey', () => {
  const dir = folder('keys');
  const essaysDir = join(dir, 'essays');
  const base = { settings: 'settings', shared: 'shared', essaysDir, essayFile: join(essaysDir, 'one.mdx'), source: essay('Words.') };

  test('is the same for the same inputs, and changes with the text, the path, the settings and what essays share', () => {
    const key = compiledEssayKey(base);
    expect(compiledEssayKey({ ...base })).toBe(key);
    expect(compiledEssayKey({ ...base, source: essay('Other words.') })).not.toBe(key);
    expect(compiledEssayKey({ ...base, essayFile: join(essaysDir, 'two.mdx') })).not.toBe(key);
    expect(compiledEssayKey({ ...base, settings: 'other settings' })).not.toBe(key);
    expect(compiledEssayKey({ ...base, shared: 'other shared inputs' })).not.toBe(key);
  });

  test('changes with the bytes of a bibliography the frontmatter names, as a list or alone', () => {
    mkdirSync(join(dir, 'refs'), { recursive: true });
    for (const frontmatter of ['bibliography: ../refs/own.bib\n', 'bibliography:\n  - ../refs/own.bib\n']) {
      const source = essay('Words.', frontmatter);
      writeFileSync(join(dir, 'refs', 'own.bib'), '@book{a, title = {A}}');
      const before = compiledEssayKey({ ...base, source });
      writeFileSync(join(dir, 'refs', 'own.bib'), '@book{a, title = {A, revised}}');
      expect(compiledEssayKey({ ...base, source }), frontmatter).not.toBe(before);
    }
  });

  test('an essay that imports a component has a key: its compiled module only names what it imports', () => {
    expect(compiledEssayKey({ ...base, source: `import Chart from '../components/Chart.astro';\n\n${essay('Words.')}` })).toMatch(
      /^[0-9a-f]{64}$/,
    );
  });
});

describe('compileSettingsDigest', () => {
  test('changes with the essay plugin options, the Astro config file and the lockfile', () => {
    const dir = folder('settings');
    const digest = () => compileSettingsDigest(dir, { base: '/' });
    const first = digest();
    expect(digest()).toBe(first);
    expect(compileSettingsDigest(dir, { base: '/essays/' })).not.toBe(first);
    writeFileSync(join(dir, 'astro.config.mjs'), 'export default {};');
    const withConfig = digest();
    expect(withConfig).not.toBe(first);
    writeFileSync(join(dir, 'package-lock.json'), '{"lockfileVersion": 3}');
    expect(digest()).not.toBe(withConfig);
  });

  test("in a workspace, changes with the workspace's lockfile, in a folder above the project's", () => {
    const workspace = folder('workspace');
    const site = join(workspace, 'sites', 'essays');
    mkdirSync(site, { recursive: true });
    writeFileSync(join(workspace, 'pnpm-lock.yaml'), 'astro: 7.4.8');
    const before = compileSettingsDigest(site, {});
    writeFileSync(join(workspace, 'pnpm-lock.yaml'), 'astro: 7.5.0');
    expect(compileSettingsDigest(site, {})).not.toBe(before);
  });
});

describe('CompiledEssayStore', () => {
  const compiled = { code: 'const a = "x";\nexport default a;\n', map: null, meta: { astro: { scripts: [] }, vite: { lang: 'ts' } } };

  test('gives back a module kept by an earlier build under the same key, and nothing under another', async () => {
    const dir = join(folder('store'), 'cache');
    const first = new CompiledEssayStore(dir);
    expect(first.get('/site/essays/one.mdx', 'k1')).toBeUndefined();
    first.set('/site/essays/one.mdx', 'k1', compiled);
    await first.flush();
    const next = new CompiledEssayStore(dir);
    expect(next.get('/site/essays/one.mdx', 'k1')).toEqual(compiled);
    expect(next.get('/site/essays/one.mdx', 'k2')).toBeUndefined();
    expect(next.get('/site/essays/two.mdx', 'k1')).toBeUndefined();
  });

  test('a module is written as soon as it is kept, not when the build ends', async () => {
    const dir = join(folder('early'), 'cache');
    const store = new CompiledEssayStore(dir);
    store.set('/site/essays/one.mdx', 'k', compiled);
    store.set('/site/essays/two.mdx', 'k', compiled);
    // No flush: the writes run in the background while the build goes on.
    const written = () => (existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.mdx.js')).length : 0);
    for (let waited = 0; written() < 2; waited += 10) {
      expect(waited).toBeLessThan(5_000);
      await new Promise((done) => setTimeout(done, 10));
    }
    expect(new CompiledEssayStore(dir).get('/site/essays/two.mdx', 'k')).toEqual(compiled);
    await store.flush();
  });

  test('a flush removes the entries of essays the build neither compiled nor reused, and leaves no partial file', async () => {
    const dir = join(folder('prune'), 'cache');
    const first = new CompiledEssayStore(dir);
    first.set('/site/essays/kept.mdx', 'k', compiled);
    first.set('/site/essays/deleted.mdx', 'k', compiled);
    await first.flush();
    expect(readdirSync(dir)).toHaveLength(2);
    const next = new CompiledEssayStore(dir);
    expect(next.get('/site/essays/kept.mdx', 'k')).toEqual(compiled);
    await next.flush();
    expect(readdirSync(dir)).toHaveLength(1);
    expect(new CompiledEssayStore(dir).get('/site/essays/kept.mdx', 'k')).toEqual(compiled);
  });
});

describe('compiledEssays', () => {
  /** A stand-in for @astrojs/mdx's plugin: its transform "compiles" by marking the code, and counts. */
  function mdxPlugin() {
    const calls: string[] = [];
    const plugin = {
      name: '@mdx-js/rolldown',
      transform: {
        filter: { id: /\.mdx$/ },
        handler: async (code: string, id: string) => {
          calls.push(id);
          return { code: `compiled(${code})`, map: null, meta: {} };
        },
      },
    };
    return { plugin, calls };
  }
  const resolve = (cache: Plugin, mdx: object) =>
    (cache.configResolved as (config: ResolvedConfig) => void)({ plugins: [mdx] } as unknown as ResolvedConfig);
  const transform = (mdx: ReturnType<typeof mdxPlugin>['plugin'], code: string, id: string) =>
    (mdx.transform.handler as (this: unknown, code: string, id: string) => Promise<{ code: string }>).call({}, code, id);

  test('a second build compiles only the essay that changed, however often Vite resolves its config', async () => {
    const dir = folder('plugin');
    const essaysDir = join(dir, 'essays');
    const options = { essaysDir, cacheDir: join(dir, 'cache'), settings: 's', shared: 'x', reuse: true };
    const [one, two] = [join(essaysDir, 'one.mdx'), join(essaysDir, 'two.mdx')];

    const first = compiledEssays(options);
    const firstMdx = mdxPlugin();
    resolve(first.plugin, firstMdx.plugin);
    resolve(first.plugin, firstMdx.plugin);
    await transform(firstMdx.plugin, essay('One.'), one);
    await transform(firstMdx.plugin, essay('Two.'), two);
    expect(first.counts).toEqual({ compiled: 2, reused: 0 });
    await first.flush();

    const second = compiledEssays(options);
    const secondMdx = mdxPlugin();
    resolve(second.plugin, secondMdx.plugin);
    expect(await transform(secondMdx.plugin, essay('One.'), one)).toMatchObject({ code: `compiled(${essay('One.')})` });
    expect(await transform(secondMdx.plugin, essay('Two, edited.'), two)).toMatchObject({ code: `compiled(${essay('Two, edited.')})` });
    expect(secondMdx.calls).toEqual([two]);
    expect(second.counts).toEqual({ compiled: 1, reused: 1 });
    expect(compileSummary(second.counts)).toBe('Essays compiled: 1 of 2 (1 unchanged since the last build, compiled then).');
  });

  test('leaves MDX outside the essays folder to the compile, and compiles everything again without reuse (--force)', async () => {
    const dir = folder('force');
    const essaysDir = join(dir, 'essays');
    const options = { essaysDir, cacheDir: join(dir, 'cache'), settings: 's', shared: 'x', reuse: true };
    const first = compiledEssays(options);
    const firstMdx = mdxPlugin();
    resolve(first.plugin, firstMdx.plugin);
    await transform(firstMdx.plugin, essay('One.'), join(essaysDir, 'one.mdx'));
    await first.flush();

    const forced = compiledEssays({ ...options, reuse: false });
    const forcedMdx = mdxPlugin();
    resolve(forced.plugin, forcedMdx.plugin);
    await transform(forcedMdx.plugin, essay('One.'), join(essaysDir, 'one.mdx'));
    await transform(forcedMdx.plugin, essay('A page.'), join(dir, 'src', 'pages', 'about.mdx'));
    expect(forcedMdx.calls).toHaveLength(2);
    expect(forced.counts).toEqual({ compiled: 1, reused: 0 });
  });
});

describe('compiledEssays().record', () => {
  /** A stand-in for @astrojs/mdx's compile that gives code of the shape it gives: a paragraph of the essay's words; an import where the essay names one; an error where it says THROW. */
  function mdxPlugin() {
    const calls: string[] = [];
    const handler = async (code: string, id: string) => {
      calls.push(id);
      if (code.includes('THROW')) throw new Error('the compile failed');
      const words = code.replace(/^---\n[\s\S]*?\n---\n/, '').trim();
      const imports = code.includes('IMPORT') ? 'import chart from "./chart.png";\n' : code.includes('EXIT') ? 'process.exit(1);\n' : '';
      return {
        code: `${imports}import { jsx as _jsx } from "astro/jsx-runtime";\nfunction MDXContent(props = {}) {\n  return _jsx("p", { children: ${JSON.stringify(words)} });\n}\nexport const frontmatter = {"title":"One"};\nexport function getHeadings() { return []; }`,
        map: null,
        meta: {},
      };
    };
    return { plugin: { name: '@mdx-js/rolldown', transform: { filter: { id: /\.mdx$/ }, handler } }, calls };
  }
  const resolve = (cache: Plugin, mdx: object) =>
    (cache.configResolved as (config: ResolvedConfig) => void)({ plugins: [mdx] } as unknown as ResolvedConfig);

  test('records the essays that are plain data, leaves the others to Rolldown, and records again only what changed', async () => {
    const dir = folder('record');
    const essaysDir = join(dir, 'essays');
    mkdirSync(join(essaysDir, 'notes'), { recursive: true });
    const [plain, nested, imports, broken] = ['plain.mdx', 'notes/nested.mdx', 'imports.mdx', 'broken.mdx'].map((name) =>
      join(essaysDir, name),
    ) as [string, string, string, string];
    writeFileSync(plain, essay('Plain words.'));
    writeFileSync(nested, essay('Nested words.'));
    writeFileSync(imports, essay('IMPORT a chart.'));
    writeFileSync(broken, essay('THROW.'));
    const options = { essaysDir, cacheDir: join(dir, 'cache', 'compiled-essays'), settings: 's', shared: 'x', reuse: true };

    const first = compiledEssays(options);
    const firstMdx = mdxPlugin();
    resolve(first.plugin, firstMdx.plugin);
    const essays = [plain, nested, imports, broken];
    await first.record(essays);
    expect([...first.recorded.keys()].sort()).toEqual([nested, plain].sort());
    expect(first.counts).toEqual({ compiled: 2, reused: 0 });
    const record = first.recorded.get(plain) as string;
    expect(readFileSync(record, 'utf8')).toContain('Plain words.');
    await first.flush();

    writeFileSync(nested, essay('Nested words, edited.'));
    const second = compiledEssays(options);
    const secondMdx = mdxPlugin();
    resolve(second.plugin, secondMdx.plugin);
    await second.record(essays);
    expect(secondMdx.calls.sort()).toEqual([broken, imports, nested].sort());
    expect(second.counts).toEqual({ compiled: 1, reused: 1 });
    expect([...second.reused]).toEqual([plain]);
    expect(readFileSync(second.recorded.get(nested) as string, 'utf8')).toContain('Nested words, edited.');
  });

  /** Records a folder of 30 essays (enough for a worker thread), the one at `odd` with `oddWords`. */
  async function recordThirty(name: string, odd: number, oddWords: string) {
    const dir = folder(name);
    const essaysDir = join(dir, 'essays');
    const files = Array.from({ length: 30 }, (_, index) => join(essaysDir, `essay-${String(index).padStart(2, '0')}.mdx`));
    files.forEach((file, index) => writeFileSync(file, essay(index === odd ? oddWords : `Words of essay ${index}.`)));
    const compiled = compiledEssays({
      essaysDir,
      cacheDir: join(dir, 'cache', 'compiled-essays'),
      settings: 's',
      shared: 'x',
      reuse: true,
    });
    resolve(compiled.plugin, mdxPlugin().plugin);
    await compiled.record(files);
    return { files, compiled };
  }

  test('on a site of 25 essays or more, records them in a worker thread beside the compile, with the same result', async () => {
    const { files, compiled } = await recordThirty('record-worker', 7, 'IMPORT a chart.');
    expect(compiled.recorded.size).toBe(29);
    expect(compiled.recorded.has(files[7] as string)).toBe(false);
    expect(compiled.counts).toEqual({ compiled: 29, reused: 0 });
    expect(readFileSync(compiled.recorded.get(files[12] as string) as string, 'utf8')).toContain('Words of essay 12.');
  });

  test('a recorder thread that stops leaves the essays it had not answered for to Rolldown, and the build goes on', async () => {
    const { files, compiled } = await recordThirty('record-worker-stops', 20, 'EXIT.');
    expect(compiled.recorded.has(files[20] as string)).toBe(false);
    expect(compiled.recorded.has(files[29] as string)).toBe(false);
    expect(compiled.recorded.size).toBeLessThan(21);
  });

  test('records nothing where @astrojs/mdx’s compile was not found', async () => {
    const dir = folder('record-none');
    const one = join(dir, 'essays', 'one.mdx');
    writeFileSync(one, essay('Words.'));
    const compiled = compiledEssays({
      essaysDir: join(dir, 'essays'),
      cacheDir: join(dir, 'cache', 'compiled-essays'),
      settings: 's',
      shared: 'x',
      reuse: true,
    });
    resolve(compiled.plugin, { name: 'another-plugin' });
    await compiled.record([one]);
    expect(compiled.recorded.size).toBe(0);
  });
});
