import { config } from '../../config/runtime.ts';
import type { APIRoute } from 'astro';
import { robotsTxt } from '../site-files.ts';

// Names the sitemap when the site's address is known (SITE_URL): a sitemap needs absolute URLs.
export const GET: APIRoute = ({ site }) =>
  new Response(robotsTxt(site ? new URL(`${config.base}sitemap-index.xml`, site).href : undefined), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
