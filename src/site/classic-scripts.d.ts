/** A script bundled as a classic script: its URL (src/site/classic-script.ts). */
declare module '*?classic' {
  const src: string;
  export default src;
}
