/**
 * When each build step may start, and in what order their lines are logged: pure, so the
 * order is tested without a build (tests/publishing/step-order.test.ts).
 *
 * A step waits for the steps named in its `after`, or, when it names none, for every step
 * listed before it. A step that does not apply to the site (its `when`) counts as done at once.
 * Steps that wait for nothing in common run at the same time: the search index, a separate
 * Pagefind process, is made while the downloads are written on the other threads.
 */
export interface OrderedStep {
  name: string;
  /** The steps whose output this one reads. Left out: every step before it. */
  after?: readonly string[];
}

/** For each step, the names of the steps it waits for; an unknown or later name is an error. */
export function stepDependencies(steps: readonly OrderedStep[]): Map<string, readonly string[]> {
  const dependencies = new Map<string, readonly string[]>();
  steps.forEach((step, index) => {
    const earlier = steps.slice(0, index).map(({ name }) => name);
    for (const name of step.after ?? []) {
      if (!earlier.includes(name))
        throw new Error(`The build step "${step.name}" waits for "${name}", which is not a step listed before it.`);
    }
    dependencies.set(step.name, step.after ?? earlier);
  });
  return dependencies;
}

/**
 * Runs `run` for each step once the steps it waits for have finished, and hands each result to
 * `log` in the steps' listed order, as soon as it and every step before it are done: the log
 * reads the same whichever finishes first. The first failure in that order is thrown once every
 * started step has settled, so none is left writing into a folder that is about to be removed.
 */
export async function runInOrder<Step extends OrderedStep, T>(
  steps: readonly Step[],
  run: (step: Step) => Promise<T>,
  log: (result: T, step: Step) => void,
): Promise<void> {
  const dependencies = stepDependencies(steps);
  const started = new Map<string, Promise<T>>();
  for (const step of steps) {
    const waits = (dependencies.get(step.name) ?? []).map((name) => started.get(name));
    const running = Promise.all(waits).then(() => run(step));
    // Awaited below in listed order; until then a failure must not count as unhandled.
    running.catch(() => undefined);
    started.set(step.name, running);
  }
  let failure: { error: unknown } | undefined;
  for (const step of steps) {
    try {
      const result = await (started.get(step.name) as Promise<T>);
      if (!failure) log(result, step);
    } catch (error) {
      failure ??= { error };
    }
  }
  if (failure) throw failure.error;
}

/**
 * Lets the event loop run before a step's next item. The steps that run beside the search index
 * do their work in synchronous runs (reading, parsing, writing files), and Pagefind is driven by
 * messages from its own process, which this thread reads only between them: a step that never
 * yields keeps Pagefind waiting for its next request until the step is done (a rebuild of 500
 * essays: Pagefind started 3.2 s late, after the downloads, citation files and inline styles).
 */
export function letOthersRun(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
