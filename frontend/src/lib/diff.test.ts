import { describe, expect, it } from 'vitest';
import { collapse, diffStats, lineDiff, splitLines } from './diff';

const ops = (a: string, b: string) => lineDiff(a, b).map((l) => `${l.op === 'same' ? ' ' : l.op === 'add' ? '+' : '-'}${l.text}`);

describe('lineDiff', () => {
  it('finds nothing between equal texts', () => {
    expect(ops('a\nb\n', 'a\nb\n')).toEqual([' a', ' b']);
  });

  it('shows a changed line as removed then added, keeping the rest', () => {
    expect(ops('id: s\npoints: 10\nname: x\n', 'id: s\npoints: 20\nname: x\n')).toEqual([' id: s', '-points: 10', '+points: 20', ' name: x']);
  });

  it('handles insertion and deletion at the ends', () => {
    expect(ops('b\nc', 'a\nb')).toEqual(['+a', ' b', '-c']);
    expect(ops('', 'a\nb')).toEqual(['+a', '+b']);
    expect(ops('a\nb', '')).toEqual(['-a', '-b']);
  });

  it('numbers lines on both sides', () => {
    const d = lineDiff('a\nb\nc', 'a\nx\nc');
    expect(d.map((l) => [l.oldLine ?? null, l.newLine ?? null])).toEqual([
      [1, 1],
      [2, null],
      [null, 2],
      [3, 3],
    ]);
  });

  it('keeps a long common subsequence when lines move', () => {
    const d = lineDiff('1\n2\n3\n4\n5', '1\n3\n4\n5\n2');
    expect(diffStats(d)).toEqual({ added: 1, removed: 1 });
  });

  it('treats CRLF like LF and ignores a final newline', () => {
    expect(splitLines('a\r\nb\r\n')).toEqual(['a', 'b']);
    expect(ops('a\r\nb\r\n', 'a\nb')).toEqual([' a', ' b']);
  });
});

describe('collapse', () => {
  it('folds unchanged runs longer than the context', () => {
    const a = Array.from({ length: 20 }, (_, i) => `l${i}`).join('\n');
    const b = a.replace('l10', 'L10');
    const rows = collapse(lineDiff(a, b), 2);
    expect(rows.map((r) => (r.op === 'skip' ? `…${r.count}` : r.op === 'same' ? r.text : `${r.op}:${r.text}`))).toEqual([
      '…8',
      'l8',
      'l9',
      'del:l10',
      'add:L10',
      'l11',
      'l12',
      '…7',
    ]);
  });

  it('keeps everything of a file without changes folded into one row', () => {
    expect(collapse(lineDiff('a\nb', 'a\nb'))).toEqual([{ op: 'skip', count: 2 }]);
  });
});
