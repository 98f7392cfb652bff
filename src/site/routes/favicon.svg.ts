import type { APIRoute } from 'astro';
import faviconSvg from 'virtual:essay-press/favicon';

/** The site's icon, for a site that has none of its own in public/. */
export const GET: APIRoute = () => new Response(faviconSvg, { headers: { 'Content-Type': 'image/svg+xml' } });
