// Evidence spans from the server are rune (Unicode code point) offsets into a turn's text, as Go
// counts them. JavaScript strings are indexed in UTF-16 code units, where a character outside the
// Basic Multilingual Plane (an emoji, say) takes two units. These helpers convert between the two
// and split a turn's text into segments, each marked with the evidence spans that cover it.

import type { Evidence } from '../api/types';

/** runeOffsets returns, for each rune index 0..n (inclusive), its UTF-16 offset in text. */
export function runeOffsets(text: string): number[] {
  const out = [0];
  let u = 0;
  for (const cp of text) {
    u += cp.length; // 1 or 2 code units
    out.push(u);
  }
  return out;
}

/** runeLength is the number of code points in text (Go's utf8.RuneCountInString). */
export function runeLength(text: string): number {
  return Array.from(text).length;
}

/** runeToUtf16 converts one rune offset into a UTF-16 offset, clamped to the text. */
export function runeToUtf16(text: string, rune: number): number {
  const offs = runeOffsets(text);
  if (rune <= 0) return 0;
  if (rune >= offs.length) return text.length;
  return offs[rune];
}

/** runeSlice returns the text between two rune offsets (what Go's string([]rune(s)[a:b]) gives). */
export function runeSlice(text: string, start: number, end: number): string {
  return Array.from(text).slice(Math.max(0, start), Math.max(0, end)).join('');
}

export interface Range {
  start: number; // UTF-16, inclusive
  end: number; // UTF-16, exclusive
}

/**
 * locate turns an evidence span into a UTF-16 range of text. The rune span is trusted when it
 * spells the evidence text; when it does not (text re-imported, or a server that counted bytes)
 * and the evidence text occurs in the turn, that occurrence is used instead. A span that fits
 * nowhere gives null, and the caller shows the turn without a highlight.
 */
export function locate(text: string, ev: Pick<Evidence, 'start' | 'end' | 'text'>): Range | null {
  const offs = runeOffsets(text);
  const n = offs.length - 1;
  const s = Math.max(0, Math.min(ev.start, n));
  const e = Math.max(s, Math.min(ev.end, n));
  const range = { start: offs[s], end: offs[e] };
  const spelled = text.slice(range.start, range.end);
  if (!ev.text || spelled === ev.text) {
    return range.end > range.start || ev.start === ev.end ? range : null;
  }
  const at = text.indexOf(ev.text);
  if (at >= 0) return { start: at, end: at + ev.text.length };
  return range.end > range.start ? range : null;
}

export interface MarkedSpan extends Range {
  /** Which highlight it belongs to (an item id). */
  key: string;
}

export interface Segment extends Range {
  text: string;
  keys: string[]; // the spans covering this segment; empty for plain text
}

/**
 * segments splits text at every span boundary. Overlapping spans are allowed; a segment lists
 * every span covering it. Boundaries never fall inside a surrogate pair.
 */
export function segments(text: string, spans: MarkedSpan[]): Segment[] {
  const cuts = new Set<number>([0, text.length]);
  const valid = spans
    .map((sp) => ({ ...sp, start: safeCut(text, sp.start), end: safeCut(text, sp.end) }))
    .filter((sp) => sp.end > sp.start);
  for (const sp of valid) {
    cuts.add(sp.start);
    cuts.add(sp.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i];
    const end = points[i + 1];
    if (end <= start) continue;
    const keys = valid.filter((sp) => sp.start <= start && sp.end >= end).map((sp) => sp.key);
    out.push({ start, end, text: text.slice(start, end), keys: [...new Set(keys)] });
  }
  return out;
}

/** safeCut moves an offset off the low half of a surrogate pair and into the text. */
function safeCut(text: string, at: number): number {
  const x = Math.max(0, Math.min(at, text.length));
  if (x > 0 && x < text.length) {
    const prev = text.charCodeAt(x - 1);
    const cur = text.charCodeAt(x);
    if (prev >= 0xd800 && prev <= 0xdbff && cur >= 0xdc00 && cur <= 0xdfff) return x - 1;
  }
  return x;
}

/** spansByTurn groups the evidence of the given items by turn index, located in each turn's text. */
export function spansByTurn(
  turnTexts: (string | undefined)[],
  items: { id: string; evidence: Evidence[] | null }[],
): Map<number, MarkedSpan[]> {
  const out = new Map<number, MarkedSpan[]>();
  for (const it of items) {
    for (const ev of it.evidence ?? []) {
      const text = turnTexts[ev.turn];
      if (text === undefined) continue;
      const r = locate(text, ev);
      if (!r) continue;
      const list = out.get(ev.turn) ?? [];
      list.push({ ...r, key: it.id });
      out.set(ev.turn, list);
    }
  }
  return out;
}
