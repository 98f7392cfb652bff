// Registers the service worker that keeps the site readable offline (sw.js, written by the
// build: src/offline/write-service-worker.ts): the shell on a first visit, each essay as it is
// read, the whole site when the reader asks (issue 20). Optional: where service
// workers are unavailable (a page opened from files, a browser with them turned off) the
// site reads as it always does, and nothing is reported (a page opened from files has
// navigator.serviceWorker, but its registration is refused: caught below, where every byte
// of a script on every page counts). Not in `astro dev`, which has no sw.js.
if (import.meta.env.PROD) {
  // After the page has loaded, so precaching the shell never competes with the page itself.
  addEventListener('load', () => {
    const base = import.meta.env.BASE_URL;
    try {
      const { serviceWorker } = navigator;
      serviceWorker
        // Its scope is its folder, the base path: no { scope } needed.
        ?.register(`${base}sw.js`)
        // A returning reader online asks whether a new build is out, so the previous build's
        // caches go now: browsers also check on navigation, but when they choose (Chrome
        // waits for the page to be left, and sometimes longer).
        .then((registration): unknown => serviceWorker.controller && navigator.onLine && registration.update())
        .catch(() => {});
    } catch {
      // Reading navigator.serviceWorker throws where storage is denied (an opaque origin).
    }
  });
}
