import { describe, expect, it } from 'vitest';
import { locate, runeLength, runeOffsets, runeSlice, runeToUtf16, segments, spansByTurn } from './evidence';

// Offsets as Go's scorer reports them: runes (code points), not UTF-16 units.
const ru = '😊 Доброе утро, Иван! Хорошего дня 🌷';

describe('rune offsets', () => {
  it('counts an emoji as one rune and two UTF-16 units', () => {
    expect(runeLength('😊')).toBe(1);
    expect('😊'.length).toBe(2);
    expect(runeOffsets('a😊b')).toEqual([0, 1, 3, 4]);
  });

  it('converts rune offsets after an emoji into UTF-16 offsets', () => {
    // "Доброе утро" starts at rune 2 ("😊", " ") but at UTF-16 offset 3.
    expect(runeToUtf16(ru, 2)).toBe(3);
    expect(ru.slice(runeToUtf16(ru, 2), runeToUtf16(ru, 13))).toBe('Доброе утро');
  });

  it('treats Cyrillic and Romanian letters as one unit each', () => {
    const ro = 'Bună ziua, Maria! Ne cerem scuze pentru greșeală.';
    expect(runeToUtf16(ro, 11)).toBe(11);
    expect(runeSlice(ro, 11, 16)).toBe('Maria');
  });

  it('clamps offsets outside the text', () => {
    expect(runeToUtf16('abc', -4)).toBe(0);
    expect(runeToUtf16('abc', 99)).toBe(3);
  });

  it('slices by runes like Go', () => {
    expect(runeSlice('x🌷y🌻z', 1, 4)).toBe('🌷y🌻');
  });
});

describe('locate', () => {
  it('uses the rune span when it spells the evidence text', () => {
    const r = locate(ru, { start: 2, end: 13, text: 'Доброе утро' });
    expect(r).toEqual({ start: 3, end: 14 });
  });

  it('includes a non-BMP character at the end of the span', () => {
    const start = Array.from(ru).indexOf('Х');
    const r = locate(ru, { start, end: runeLength(ru), text: 'Хорошего дня 🌷' })!;
    expect(ru.slice(r.start, r.end)).toBe('Хорошего дня 🌷');
  });

  it('falls back to searching the text when the span does not spell it (UTF-16 offsets sent by mistake)', () => {
    const r = locate(ru, { start: 3, end: 14, text: 'Доброе утро' })!;
    expect(ru.slice(r.start, r.end)).toBe('Доброе утро');
  });

  it('keeps an empty span (a fail on absence points at the turn)', () => {
    expect(locate('hello', { start: 0, end: 0, text: '' })).toEqual({ start: 0, end: 0 });
  });
});

describe('segments', () => {
  it('splits text at span boundaries and marks covered parts', () => {
    const segs = segments('abcdef', [{ start: 1, end: 3, key: 'x' }]);
    expect(segs.map((s) => [s.text, s.keys])).toEqual([
      ['a', []],
      ['bc', ['x']],
      ['def', []],
    ]);
  });

  it('handles overlapping spans of two items', () => {
    const segs = segments('abcdef', [
      { start: 0, end: 4, key: 'a' },
      { start: 2, end: 6, key: 'b' },
    ]);
    expect(segs.map((s) => [s.text, s.keys])).toEqual([
      ['ab', ['a']],
      ['cd', ['a', 'b']],
      ['ef', ['b']],
    ]);
  });

  it('never cuts inside a surrogate pair', () => {
    const text = 'a🌷b';
    const segs = segments(text, [{ start: 2, end: 4, key: 'x' }]); // 2 is inside 🌷
    expect(segs.map((s) => s.text).join('')).toBe(text);
    for (const s of segs) expect(s.text).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
  });

  it('joins back to the original text', () => {
    const segs = segments(ru, [{ start: 3, end: 14, key: 'g' }]);
    expect(segs.map((s) => s.text).join('')).toBe(ru);
  });
});

describe('spansByTurn', () => {
  it('groups located evidence by turn and skips turns that do not exist', () => {
    const m = spansByTurn(['hi', ru], [
      { id: 'greeting', evidence: [{ turn: 1, start: 2, end: 13, text: 'Доброе утро' }, { turn: 7, start: 0, end: 1, text: 'x' }] },
      { id: 'empty', evidence: null },
    ]);
    expect([...m.keys()]).toEqual([1]);
    expect(m.get(1)).toEqual([{ start: 3, end: 14, key: 'greeting' }]);
  });
});
