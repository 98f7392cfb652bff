/**
 * Counts the error lines Astro's logger writes to stderr (`[ERROR]`), while still
 * letting them through, so a build can refuse to succeed after an error was logged.
 */
export function watchForLoggedErrors(): { count: () => number; stop: () => void } {
  const original = process.stderr.write.bind(process.stderr);
  let errors = 0;
  process.stderr.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    if (/\[ERROR\]/.test(text)) errors += 1;
    return (original as (...args: unknown[]) => boolean)(chunk, ...rest);
  }) as typeof process.stderr.write;
  return {
    count: () => errors,
    stop: () => {
      process.stderr.write = original;
    },
  };
}
