/**
 * Writes docs/configuration.md from the options schema (`npm run docs:config`), after a change
 * to an option or an environment variable. A test fails while the file is out of date.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { configurationDoc } from '../src/config/docs.ts';

const file = join(import.meta.dirname, '..', 'docs', 'configuration.md');
writeFileSync(file, configurationDoc());
console.log(`Wrote ${file}`);
