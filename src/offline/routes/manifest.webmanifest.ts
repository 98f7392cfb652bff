import type { APIRoute } from 'astro';
import tokensCss from '../../site/styles/tokens.css?raw';
import { config } from '../../config/runtime.ts';
import { parseSchemeTokens, themeColours, webAppManifest } from '../web-manifest.ts';

const { title: siteTitle } = config;

/** The web app manifest, which makes the site installable: `${base}manifest.webmanifest`. */
export const GET: APIRoute = () => {
  const manifest = webAppManifest({
    title: siteTitle,
    base: config.base,
    background: themeColours(parseSchemeTokens(tokensCss)).light,
  });
  return new Response(JSON.stringify(manifest, null, 2), { headers: { 'content-type': 'application/manifest+json' } });
};
