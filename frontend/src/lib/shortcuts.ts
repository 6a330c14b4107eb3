// Keyboard shortcuts of the review screen: j/k next/previous item, p pass, f fail, n n/a,
// Ctrl+Enter (or Cmd+Enter) submit. Letters are ignored while typing in a field.

export type ShortcutAction = 'next' | 'prev' | 'pass' | 'fail' | 'na' | 'submit' | 'clear';

interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  target: EventTarget | null;
}

function typing(target: EventTarget | null): boolean {
  if (!target || typeof (target as HTMLElement).tagName !== 'string') return false;
  const el = target as HTMLElement;
  const tag = el.tagName.toLowerCase();
  if (tag === 'textarea' || tag === 'select') return true;
  if (tag === 'input') {
    const type = (el as HTMLInputElement).type;
    return !['radio', 'checkbox', 'button', 'submit'].includes(type);
  }
  return el.isContentEditable === true;
}

export function shortcutFor(e: KeyLike): ShortcutAction | null {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) return 'submit';
  if (e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return null;
  switch (e.key) {
    case 'j':
      return 'next';
    case 'k':
      return 'prev';
    case 'p':
      return 'pass';
    case 'f':
      return 'fail';
    case 'n':
      return 'na';
    case 'Escape':
      return 'clear';
    default:
      return null;
  }
}

/** step moves a selection through a list, staying at its ends. */
export function step(ids: string[], current: string | null, delta: number): string | null {
  if (ids.length === 0) return null;
  const i = current === null ? -1 : ids.indexOf(current);
  if (i < 0) return delta > 0 ? ids[0] : ids[ids.length - 1];
  return ids[Math.max(0, Math.min(ids.length - 1, i + delta))];
}
