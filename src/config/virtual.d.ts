declare module 'virtual:essay-press/config' {
  const config: import('./options.ts').SiteConfig;
  export default config;
}

declare module 'virtual:essay-press/essays' {
  /** The essays folder's MDX files: each one's path inside the folder, and its module. */
  export const essays: ReadonlyArray<{ path: string; load: () => Promise<unknown> }>;
  /** The essays folder, absolute. */
  export const folder: string;
  /** A digest of what every essay page is made from besides its essay (src/site/page-reuse.ts). */
  export const sharedInputs: string;
}

declare module 'virtual:essay-press/favicon' {
  /** The site's icon as SVG text: its own public/favicon.svg, or Essay Press's. */
  const svg: string;
  export default svg;
}

declare module 'virtual:essay-press/statement' {
  /** How the pages were tested, for the accessibility statement (src/publishing/accessibility-statement.ts). */
  const facts: import('../publishing/accessibility-statement.ts').StatementFacts;
  export default facts;
}

declare module 'virtual:essay-press/strings' {
  /** The site's own labels by language: its words, and its modules' labels (src/strings/site-labels.ts). */
  const labels: import('../strings/labels.ts').SiteLabels;
  export default labels;
}
