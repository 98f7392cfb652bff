/**
 * Run by `npm pack` (prepack): writes the facts of this project's tests into the package, so
 * that a site built with the packed Essay Press states how its pages were tested
 * (src/publishing/accessibility-statement.ts). The file is not kept in git.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { PACKED_FACTS, readStatementFacts } from '../src/publishing/accessibility-statement.ts';

writeFileSync(fileURLToPath(PACKED_FACTS), `${JSON.stringify(readStatementFacts(join(import.meta.dirname, '..')), null, 2)}\n`);
