// The home page's "Reading offline" section: shown only where a service worker can do the
// saving (src/offline/SaveForOffline.astro renders it hidden), and only in a built site (astro
// dev has no sw.js). Its code (offline-control.ts, a classic script) is loaded when the reader
// first presses a button, so what the page loads stays a few hundred bytes.
const root = document.querySelector<HTMLElement>('[data-save-offline]');
if (import.meta.env.PROD && root && location.protocol !== 'file:') {
  try {
    if (navigator.serviceWorker) reveal(root);
  } catch {
    // Reading navigator.serviceWorker throws where storage is denied (an opaque origin).
  }
}

function reveal(root: HTMLElement): void {
  root.hidden = false;
  // "Remove" is offered only when there is something to remove.
  const remove = root.querySelector<HTMLElement>('[data-offline-remove]');
  // The saved cache's name (savedCacheName in offline-routes.ts) is its prefix, from the page, and the scope.
  caches
    .has(`${root.dataset.savedCache ?? ''}${new URL(import.meta.env.BASE_URL, location.href).href}`)
    .then((saved) => remove?.toggleAttribute('hidden', !saved))
    .catch(() => undefined);
  const load = (event: Event) => {
    const button = event.target instanceof Element ? event.target.closest('button') : null;
    if (!button) return;
    // The control takes this press, and every later one, itself.
    root.removeEventListener('click', load);
    root.dataset.offlineAction = button.hasAttribute('data-offline-save') ? 'save' : 'remove';
    const script = document.createElement('script');
    script.src = root.dataset.controlSrc ?? '';
    document.head.append(script);
  };
  root.addEventListener('click', load);
}
