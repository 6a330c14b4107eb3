// Scrolls an element into view inside its own scrolling panel only. Element.scrollIntoView
// would also scroll the window, shifting the whole two-panel layout of the conversation page.

function scrollParent(el: HTMLElement): HTMLElement | null {
  for (let p = el.parentElement; p; p = p.parentElement) {
    const oy = getComputedStyle(p).overflowY;
    if ((oy === 'auto' || oy === 'scroll') && p.scrollHeight > p.clientHeight) return p;
  }
  return null;
}

export function scrollIntoPanel(el: Element | null, mode: 'center' | 'nearest'): void {
  if (!(el instanceof HTMLElement)) return;
  const panel = scrollParent(el);
  if (!panel) {
    el.scrollIntoView?.({ block: mode });
    return;
  }
  const e = el.getBoundingClientRect();
  const c = panel.getBoundingClientRect();
  // A sticky footer (the review form) covers the bottom of the panel.
  const footer = panel.querySelector<HTMLElement>('.review-footer');
  const bottom = c.bottom - (footer?.offsetHeight ?? 0);
  if (mode === 'center') {
    panel.scrollTop += e.top - c.top - (bottom - c.top - e.height) / 2;
  } else if (e.top < c.top) {
    panel.scrollTop += e.top - c.top - 8;
  } else if (e.bottom > bottom) {
    panel.scrollTop += Math.min(e.bottom - bottom + 8, e.top - c.top - 8);
  }
}
