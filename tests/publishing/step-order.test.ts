import { readFile } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { BUILD_STEPS } from '../../src/publishing/build-steps.ts';
import { letOthersRun, runInOrder, stepDependencies, type OrderedStep } from '../../src/publishing/step-order.ts';

/** A step that finishes when the test says so, recording when it started. */
function controlled() {
  const events: string[] = [];
  const finish = new Map<string, { resolve: () => void; reject: (error: Error) => void }>();
  const run = (step: OrderedStep) =>
    new Promise<string>((resolve, reject) => {
      events.push(`start ${step.name}`);
      finish.set(step.name, { resolve: () => resolve(step.name), reject });
    });
  const settle = async (name: string, error?: Error) => {
    const step = finish.get(name);
    if (!step) throw new Error(`${name} has not started (${events.join(', ')})`);
    if (error) step.reject(error);
    else step.resolve();
    // Let the steps waiting for it start, and the log catch up.
    for (let turn = 0; turn < 10; turn += 1) await Promise.resolve();
  };
  return { events, run, settle, log: (line: string) => events.push(`log ${line}`) };
}

describe('when build steps start and how their lines are logged', () => {
  test('without `after`, a step waits for every step listed before it', () => {
    const dependencies = stepDependencies([{ name: 'a' }, { name: 'b' }, { name: 'c', after: ['a'] }, { name: 'd' }]);
    expect(dependencies.get('a')).toEqual([]);
    expect(dependencies.get('b')).toEqual(['a']);
    expect(dependencies.get('c')).toEqual(['a']);
    expect(dependencies.get('d')).toEqual(['a', 'b', 'c']);
  });

  test('a step may only wait for a step listed before it', () => {
    expect(() => stepDependencies([{ name: 'a', after: ['b'] }, { name: 'b' }])).toThrow(
      /"a" waits for "b", which is not a step listed before it/,
    );
  });

  test('a step that waits for nothing runs beside the others; lines are logged in listed order', async () => {
    const steps = [{ name: 'downloads' }, { name: 'cards' }, { name: 'index', after: [] }, { name: 'styles' }];
    const { events, run, settle, log } = controlled();
    const done = runInOrder(steps, run, log);
    await Promise.resolve();
    expect(events).toEqual(['start downloads', 'start index']);
    await settle('index');
    // The index is done first, but its line waits for the steps listed before it.
    expect(events).toEqual(['start downloads', 'start index']);
    await settle('downloads');
    expect(events).toEqual(['start downloads', 'start index', 'log downloads', 'start cards']);
    await settle('cards');
    expect(events.slice(-3).toSorted()).toEqual(['log cards', 'log index', 'start styles']);
    expect(events.indexOf('log cards')).toBeLessThan(events.indexOf('log index'));
    await settle('styles');
    await done;
    expect(events.at(-1)).toBe('log styles');
  });

  test('a failure is thrown once every started step has settled, and the steps after it do not run', async () => {
    const steps = [{ name: 'downloads' }, { name: 'index', after: [] }, { name: 'styles' }];
    const { events, run, settle, log } = controlled();
    let thrown: unknown;
    const done = runInOrder(steps, run, log).catch((error: unknown) => {
      thrown = error;
    });
    await Promise.resolve();
    await settle('downloads', new Error('no space left'));
    expect(thrown).toBeUndefined();
    await settle('index');
    await done;
    expect((thrown as Error).message).toBe('no space left');
    expect(events).not.toContain('start styles');
    expect(events.filter((event) => event.startsWith('log'))).toEqual([]);
  });

  test("the site's steps: the search index runs beside the downloads and the essay pages, and what lists the site's files waits for all", () => {
    const dependencies = stepDependencies(BUILD_STEPS);
    expect(dependencies.get('Offline downloads')).toEqual(['Search pages']);
    expect(dependencies.get('Search index')).toEqual(['Search pages']);
    expect(dependencies.get('Citation files')).toEqual(['Search pages', 'Offline downloads']);
    expect(dependencies.get('Essay pages')).toEqual(['Offline downloads']);
    for (const later of ['Service worker', 'Host files']) {
      expect(dependencies.get(later)).toEqual(expect.arrayContaining(['Offline downloads', 'Search index', 'Essay pages']));
    }
  });
});

/** Items done one by one, as a step does them, awaiting `between` before each; how many were done when `readFile` answered. */
async function itemsBeforeAnAnswer(between: () => Promise<void>): Promise<number | undefined> {
  let answeredAt: number | undefined;
  let done = 0;
  // An answer from outside this thread, as Pagefind's are: it arrives through the event loop.
  readFile(import.meta.filename, () => {
    answeredAt = done;
  });
  for (let item = 0; item < 2_000 && answeredAt === undefined; item += 1) {
    await between();
    for (const start = performance.now(); performance.now() - start < 0.05;);
    done += 1;
  }
  return answeredAt;
}

test('a step that lets others run between its items lets an answer from another process in before it ends', async () => {
  expect(await itemsBeforeAnAnswer(() => Promise.resolve())).toBeUndefined();
  expect(await itemsBeforeAnAnswer(letOthersRun)).toBeLessThan(2_000);
});
