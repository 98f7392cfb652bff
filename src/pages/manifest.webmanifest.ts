import type { APIRoute } from 'astro';
import tokensCss from '../styles/tokens.css?raw';
import { settings } from '../lib/settings.ts';
import { parseSchemeTokens, themeColours, webAppManifest } from '../lib/web-manifest.ts';

const { siteTitle } = settings();

/** The web app manifest, which makes the site installable: `${base}manifest.webmanifest`. */
export const GET: APIRoute = () => {
  const manifest = webAppManifest({
    title: siteTitle,
    base: import.meta.env.BASE_URL,
    background: themeColours(parseSchemeTokens(tokensCss)).light,
  });
  return new Response(JSON.stringify(manifest, null, 2), { headers: { 'content-type': 'application/manifest+json' } });
};
