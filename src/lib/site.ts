import { settings } from './settings.ts';

/** The site's name, shown in the header and in every page title. Set SITE_TITLE to change it. */
export const SITE_TITLE = settings().siteTitle;

/** The language of the site's own pages and chrome. Set SITE_LANG to change it. */
export const SITE_LANG = settings().siteLang;
