/**
 * What the home page's "Reading offline" buttons do, a classic script loaded when one is first
 * pressed (save-for-offline.ts), which then takes that press and every later one: saving asks the service worker to save the whole site and follows
 * its progress, in a <progress> and in the status line a screen reader announces (at the
 * start, with how much it downloads, at each quarter, and at the end); removing empties the
 * saved cache. The buttons stay focusable while a save runs (aria-disabled, not disabled),
 * so keyboard focus is never lost.
 */
import { formatFileSize } from '../downloads.ts';
import { savedCacheName } from '../offline-routes.ts';
import type { RemoveMessage, SaveMessage, SaveReport } from './offline-messages.ts';
import { resolveLabels } from '../../strings/labels.ts';
import { languageMark } from '../../strings/marking.ts';

let busy = false;

const root = document.querySelector<HTMLElement>('[data-save-offline]');
if (root) {
  // The scope of the site's service worker: its base path, on this origin.
  const scope = new URL(root.dataset.base ?? '/', location.href).href;
  const act = (action: string | undefined) => void runOfflineControl(root, scope, action === 'save' ? 'save' : 'remove');
  act(root.dataset.offlineAction);
  root.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('button') : null;
    if (button) act(button.hasAttribute('data-offline-save') ? 'save' : 'remove');
  });
}

async function runOfflineControl(root: HTMLElement, scope: string, action: 'save' | 'remove'): Promise<void> {
  const status = root.querySelector<HTMLElement>('[data-offline-status]');
  const progress = root.querySelector<HTMLProgressElement>('[data-offline-progress]');
  const save = root.querySelector<HTMLButtonElement>('[data-offline-save]');
  const remove = root.querySelector<HTMLButtonElement>('[data-offline-remove]');
  const downloads = root.querySelector<HTMLInputElement>('[data-offline-downloads]');
  if (!status || !progress || !save || !remove || !downloads || busy) return;
  const lang = document.documentElement.lang;
  const { labels, langOf } = resolveLabels(lang);
  // The built-in labels only (a site's module cannot reach a browser): where the page's
  // language lacks them, the status says its messages in English, and says so.
  const mark = languageMark(langOf('offlineSaving'), lang);
  if (mark) {
    status.lang = mark.lang;
    status.dir = mark.dir;
  }
  const size = (bytes: number) => formatFileSize(bytes, lang);

  if (action === 'remove') {
    await removeSaved(scope);
    // The button goes: focus moves to the one that saves again, rather than to the page's start.
    save.focus();
    remove.hidden = true;
    status.textContent = labels.offlineRemoved;
    return;
  }

  busy = true;
  save.setAttribute('aria-disabled', 'true');
  const finish = (message: string) => {
    busy = false;
    save.removeAttribute('aria-disabled');
    progress.hidden = true;
    status.textContent = message;
  };
  let quarter = 0;
  const percent = new Intl.NumberFormat(lang, { style: 'percent' });
  const channel = new MessageChannel();
  channel.port1.onmessage = (event: MessageEvent<SaveReport>) => {
    const report = event.data;
    if (report.type === 'start') {
      progress.max = Math.max(report.bytes, 1);
      progress.value = 0;
      progress.hidden = false;
      status.textContent = labels.offlineSaving(report.files, size(report.bytes));
    } else if (report.type === 'progress') {
      progress.value = report.bytes;
      // Announced a quarter at a time: every file would be a flood.
      const reached = Math.floor((report.bytes / Math.max(report.total, 1)) * 4);
      if (reached > quarter && reached < 4) {
        quarter = reached;
        status.textContent = labels.offlineProgress(percent.format(reached / 4));
      }
    } else if (report.type === 'done') {
      remove.hidden = false;
      finish(labels.offlineSaved(report.essays));
    } else {
      remove.hidden = false;
      finish(labels.offlineSaveFailed);
    }
  };
  try {
    const registration = await navigator.serviceWorker.ready;
    const message: SaveMessage = { type: 'save', downloads: downloads.checked };
    registration.active?.postMessage(message, [channel.port2]);
  } catch {
    finish(labels.offlineSaveFailed);
  }
}

/**
 * Empties the saved cache through the service worker, which first lets the copies it is keeping
 * land (emptied from here, a page fetched a moment before would be kept again just after); from
 * here only where no worker is active.
 */
async function removeSaved(scope: string): Promise<void> {
  const worker = (await navigator.serviceWorker.getRegistration(scope))?.active;
  if (!worker) {
    await caches.delete(savedCacheName(scope));
    return;
  }
  const channel = new MessageChannel();
  const removed = new Promise<void>((resolve) => {
    channel.port1.onmessage = () => resolve();
  });
  const message: RemoveMessage = { type: 'remove' };
  worker.postMessage(message, [channel.port2]);
  await removed;
}
