/** Adds the Web Share API button (where the browser has one) and copy-link to a server-rendered share box. */
export function enhanceShare(root: HTMLElement): void {
  const url = root.dataset.url ?? location.href;
  const title = root.dataset.title ?? document.title;
  const native = root.querySelector<HTMLButtonElement>('[data-share-native]');
  const copy = root.querySelector<HTMLButtonElement>('[data-share-copy]');
  const status = root.querySelector<HTMLElement>('[data-share-status]');

  if (native && typeof navigator.share === 'function') {
    native.hidden = false;
    native.addEventListener('click', () => {
      navigator.share({ url, title }).catch(() => {
        // The reader closed the share sheet: nothing to do.
      });
    });
  }

  if (copy && navigator.clipboard) {
    copy.hidden = false;
    copy.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(url);
        if (status) status.textContent = 'Link copied';
      } catch {
        if (status) status.textContent = 'Could not copy the link';
      }
    });
  }
}
