/**
 * Which CSL style an essay's notes and sources follow: its own `csl:`, else the site's `csl`
 * option, else Essay Press's notes style (styles/essay-notes.csl). A style is a `.csl` file
 * (any of the 10,000 at https://www.zotero.org/styles) or the name of one that Citation.js
 * carries.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { BUILT_IN_STYLES } from './built-in-styles.ts';
import { citationJs } from './load-citation-js.ts';
import type { CitationStyle } from './format-citations.ts';

const DEFAULT_STYLE = new URL('./styles/essay-notes.csl', import.meta.url);

let defaultStyleXml: string | undefined;

/** Essay Press's own style: notes and a list of sources, for essays. Read once: a build asked for it twice per essay. */
export function defaultStyle(): CitationStyle {
  defaultStyleXml ??= readFileSync(DEFAULT_STYLE, 'utf8');
  return { name: 'essay-notes', xml: defaultStyleXml };
}

/** A built-in style by name, or undefined. */
export function builtInStyle(name: string): CitationStyle | undefined {
  if (!BUILT_IN_STYLES.includes(name)) return undefined;
  const styles = citationJs().plugins.config.get('@csl')['styles'] as { get(name: string): string };
  return { name, xml: styles.get(name) };
}

/**
 * A style from a `.csl` file's text, or why it is not one: a CSL style is XML whose root is
 * `<style>` in the CSL namespace, with a `<citation>` layout.
 */
export function styleFromFile(path: string, xml: string): CitationStyle | { problem: string } {
  if (!/<style\b[^>]*xmlns="http:\/\/purl\.org\/net\/xbiblio\/csl"/.test(xml)) {
    return { problem: 'is not a CSL style: its root is not <style xmlns="http://purl.org/net/xbiblio/csl">' };
  }
  if (/<link\b[^>]*rel="independent-parent"/.test(xml) && !/<layout\b/.test(xml)) {
    return {
      problem: 'is a dependent style, which only names its parent: use the parent style\'s file (its link rel="independent-parent")',
    };
  }
  if (!/<citation\b/.test(xml)) return { problem: 'is a CSL style without a <citation> layout, so it cannot format notes' };
  return { name: basename(path, '.csl'), xml };
}
