// The reader's colour scheme, remembered from page to page (src/site/colour-scheme.ts).
// Loaded in <head> as a classic script (BaseLayout.astro, src/site/classic-script.ts):
// it runs before the body is parsed, so a remembered choice is on <html> (data-scheme,
// which tokens.css reads) before the page is first drawn, with no flash of the other
// scheme. Without it, the footer's radio buttons still switch the scheme for the page
// being read, by CSS alone. It is on every page, so every byte counts (the budget is in
// tests/build/pages.test.ts): the theme-color metas, which would cost 80 bytes more
// compressed, keep following the system's scheme.
import { SCHEME_NAME, readSchemeChoice, storeSchemeChoice, type SchemeChoice } from '../colour-scheme.ts';

const storage = () => localStorage;

/** Shows a choice: on <html> for the stylesheet, and in the radio buttons once they are parsed. */
function show(choice: SchemeChoice): void {
  document.documentElement.dataset['scheme'] = choice;
  for (const input of document.getElementsByName(SCHEME_NAME) as NodeListOf<HTMLInputElement>) input.checked = input.value === choice;
}

const restore = () => show(readSchemeChoice(storage));

restore();
// Again once the radio buttons are there, when a page comes back from the back/forward
// cache, and when the choice changes in another tab: the page shown may be out of date.
for (const event of ['DOMContentLoaded', 'pageshow', 'storage']) addEventListener(event, restore);

addEventListener('change', ({ target }) => {
  // The radio buttons' values are the choices themselves (ColourScheme.astro).
  const { name, value } = target as HTMLInputElement;
  if (name === SCHEME_NAME) {
    show(value as SchemeChoice);
    storeSchemeChoice(storage, value as SchemeChoice);
  }
});
