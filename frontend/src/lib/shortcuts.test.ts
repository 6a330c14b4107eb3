import { describe, expect, it } from 'vitest';
import { shortcutFor, step } from './shortcuts';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}, target: EventTarget | null = document.body) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  target,
  ...mods,
});

describe('shortcuts', () => {
  it('maps j/k/p/f/n and Ctrl+Enter', () => {
    expect(shortcutFor(key('j'))).toBe('next');
    expect(shortcutFor(key('k'))).toBe('prev');
    expect(shortcutFor(key('p'))).toBe('pass');
    expect(shortcutFor(key('f'))).toBe('fail');
    expect(shortcutFor(key('n'))).toBe('na');
    expect(shortcutFor(key('Enter', { ctrlKey: true }))).toBe('submit');
    expect(shortcutFor(key('Enter', { metaKey: true }))).toBe('submit');
    expect(shortcutFor(key('Enter'))).toBeNull();
  });

  it('ignores letters typed in a field, but not Ctrl+Enter', () => {
    const ta = document.createElement('textarea');
    expect(shortcutFor(key('f', {}, ta))).toBeNull();
    expect(shortcutFor(key('Enter', { ctrlKey: true }, ta))).toBe('submit');
    const radio = document.createElement('input');
    radio.type = 'radio';
    expect(shortcutFor(key('j', {}, radio))).toBe('next');
  });

  it('ignores letters with modifiers (browser shortcuts)', () => {
    expect(shortcutFor(key('f', { ctrlKey: true }))).toBeNull();
  });

  it('steps through items and stops at the ends', () => {
    const ids = ['a', 'b', 'c'];
    expect(step(ids, null, 1)).toBe('a');
    expect(step(ids, null, -1)).toBe('c');
    expect(step(ids, 'a', 1)).toBe('b');
    expect(step(ids, 'c', 1)).toBe('c');
    expect(step(ids, 'a', -1)).toBe('a');
    expect(step([], null, 1)).toBeNull();
  });
});
