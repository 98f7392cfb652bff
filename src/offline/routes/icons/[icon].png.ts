import type { APIRoute, GetStaticPaths } from 'astro';
import sharp from 'sharp';
import faviconSvg from 'virtual:essay-press/favicon';
import tokensCss from '../../../site/styles/tokens.css?raw';
import { WEB_APP_ICONS, findIcon, iconArtworkBox, parseSchemeTokens, themeColours } from '../../web-manifest.ts';

// A rebuild copies each icon from the last build while its code and the SVG it is drawn from, both
// in the module graph Astro hashes for its incremental build, are unchanged: drawing the four took
// 90 to 180 ms of every build.
export const getStaticPaths = (() =>
  WEB_APP_ICONS.map((icon) => ({ params: { icon: icon.name }, cacheKey: `web-app-icon-${icon.name}` }))) satisfies GetStaticPaths;

/** Each icon of the web app, drawn at build time from the site's one SVG (its public/favicon.svg, or Essay Press's). */
export const GET: APIRoute = async ({ params }) => {
  const icon = findIcon(params['icon'] ?? '');
  if (!icon) return new Response(null, { status: 404 });
  const { side, offset } = iconArtworkBox(icon);
  // Rendered at the size it is shown, so its edges are drawn rather than scaled.
  const artwork = await sharp(Buffer.from(faviconSvg), { density: 72 * (side / svgWidth(faviconSvg)) })
    .resize(side, side)
    .png()
    .toBuffer();
  const background = icon.opaque ? themeColours(parseSchemeTokens(tokensCss)).light : { r: 0, g: 0, b: 0, alpha: 0 };
  const png = await sharp({ create: { width: icon.size, height: icon.size, channels: 4, background } })
    .composite([{ input: artwork, left: offset, top: offset }])
    .png()
    .toBuffer();
  return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
};

/** The SVG's own width in user units (its viewBox), to render it at the density a size needs. */
function svgWidth(svg: string): number {
  const viewBox = /viewBox="[\d.-]+\s+[\d.-]+\s+([\d.]+)/.exec(svg);
  return Number(viewBox?.[1] ?? 32);
}
