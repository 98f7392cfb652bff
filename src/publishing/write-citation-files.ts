/**
 * Writes, beside each essay's page, the files a reference manager imports to cite it:
 * BibTeX (the entry the page shows), RIS and CSL-JSON (made by Citation.js), from the
 * essay's metadata as its page gives it: nothing the essay does not say.
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EssayMetadata } from '../offline/offline-article.ts';
import { bibtexEntry, CITATION_FILES, essayCitationItem, type EssayCitationFacts } from '../site/cite-essay.ts';
import { essayPath } from '../site/urls.ts';
import type { CslItem } from '../sources/csl-item.ts';
import { cslJsonText, risText } from '../sources/export-citation.ts';
import { citationJsVersions } from '../sources/load-citation-js.ts';
import { KeptTable, LinkedFiles } from './cache-file.ts';
import { letOthersRun } from './step-order.ts';

const day = (value: string | undefined) => (value ? new Date(`${value}T00:00:00Z`) : undefined);

/** The citation facts of an essay, from the metadata its page gives. */
function factsOfEssay(essay: EssayMetadata, siteTitle: string): EssayCitationFacts {
  return {
    slug: essay.slug,
    title: essay.title,
    authors: essay.authors,
    siteTitle,
    published: day(essay.published),
    updated: day(essay.modified),
    url: essay.canonical,
    lang: essay.lang,
  };
}

/**
 * Writes the three files of every essay; returns how many files. With `keepIn` (a folder of the
 * cache), each file is a hard link to a file kept there by what it holds (`LinkedFiles`): 1,500
 * files for 500 essays, created anew by each build, took 0.5 to 2.5 s of a rebuild's thread here,
 * where linking them takes a few hundredths. The RIS texts are kept beside it (`KeptRis`).
 */
export async function writeCitationFiles(
  siteDir: string,
  siteTitle: string,
  essays: readonly EssayMetadata[],
  keepIn?: string,
): Promise<number> {
  const kept = keepIn === undefined ? undefined : new LinkedFiles(keepIn);
  const risKept = keepIn === undefined ? undefined : new KeptRis(`${keepIn}.ris.json`);
  for (const essay of essays) {
    await letOthersRun();
    const facts = factsOfEssay(essay, siteTitle);
    const item = essayCitationItem(facts);
    const ris = risKept ? risKept.ris(item) : risText(item);
    const folder = join(siteDir, essayPath(essay.slug));
    const texts: Record<(typeof CITATION_FILES)[number]['file'], string> = {
      'cite.bib': `${bibtexEntry(facts)}\n`,
      'cite.ris': ris,
      'cite.json': cslJsonText(item),
    };
    for (const { file } of CITATION_FILES) {
      if (kept) kept.place(join(folder, file), texts[file]);
      else writeFileSync(join(folder, file), texts[file]);
    }
  }
  kept?.prune();
  risKept?.save();
  return essays.length * CITATION_FILES.length;
}

/**
 * The RIS text of each citation an earlier build made, by a digest of its CSL-JSON and of
 * Citation.js's versions: a rebuild makes only the new ones, and a build that makes none never
 * loads Citation.js (src/sources/load-citation-js.ts). Only this build's are kept for the next.
 */
class KeptRis {
  private readonly kept: KeptTable<string>;
  private versions: string | undefined;

  constructor(file: string) {
    this.kept = new KeptTable<string>(file);
  }

  ris(item: CslItem): string {
    this.versions ??= citationJsVersions();
    const key = createHash('sha256').update(this.versions).update(JSON.stringify(item)).digest('hex');
    return this.kept.set(key, this.kept.last[key] ?? risText(item));
  }

  save(): void {
    this.kept.save();
  }
}
