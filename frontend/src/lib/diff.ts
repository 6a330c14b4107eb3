// A small line diff (longest common subsequence) for comparing rubric and checklist versions.

export type DiffOp = 'same' | 'add' | 'del';

export interface DiffLine {
  op: DiffOp;
  text: string;
  oldLine?: number; // 1-based, for same and del
  newLine?: number; // 1-based, for same and add
}

export function splitLines(s: string): string[] {
  if (s === '') return [];
  const lines = s.replace(/\r\n?/g, '\n').split('\n');
  if (lines[lines.length - 1] === '') lines.pop(); // a final newline ends the last line
  return lines;
}

/** lineDiff returns the lines of a and b in order, each marked same, del (only in a) or add. */
export function lineDiff(a: string, b: string): DiffLine[] {
  const x = splitLines(a);
  const y = splitLines(b);
  // Trim the common head and tail: versions usually differ in a few lines.
  let head = 0;
  while (head < x.length && head < y.length && x[head] === y[head]) head++;
  let tail = 0;
  while (tail < x.length - head && tail < y.length - head && x[x.length - 1 - tail] === y[y.length - 1 - tail]) tail++;
  const xm = x.slice(head, x.length - tail);
  const ym = y.slice(head, y.length - tail);

  const n = xm.length;
  const m = ym.length;
  // lcs[i][j] = length of the LCS of xm[i:] and ym[j:]
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i][j] = xm[i] === ym[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }

  const out: DiffLine[] = [];
  let ol = 1;
  let nl = 1;
  const same = (text: string) => out.push({ op: 'same', text, oldLine: ol++, newLine: nl++ });
  for (let k = 0; k < head; k++) same(x[k]);
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && xm[i] === ym[j]) {
      same(xm[i]);
      i++;
      j++;
    } else if (i < n && (j === m || lcs[i + 1][j] >= lcs[i][j + 1])) {
      // On a tie the removed line comes first, as in a unified diff.
      out.push({ op: 'del', text: xm[i], oldLine: ol++ });
      i++;
    } else {
      out.push({ op: 'add', text: ym[j], newLine: nl++ });
      j++;
    }
  }
  for (let k = x.length - tail; k < x.length; k++) same(x[k]);
  return out;
}

/** diffStats counts added and removed lines. */
export function diffStats(d: DiffLine[]): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const l of d) {
    if (l.op === 'add') added++;
    else if (l.op === 'del') removed++;
  }
  return { added, removed };
}

export type DiffRow = DiffLine | { op: 'skip'; count: number };

/** collapse keeps `context` unchanged lines around each change and folds longer runs of
 * unchanged lines into one skip row, as a unified diff does. */
export function collapse(d: DiffLine[], context = 3): DiffRow[] {
  const near = d.map(() => false);
  d.forEach((l, i) => {
    if (l.op === 'same') return;
    for (let k = Math.max(0, i - context); k <= Math.min(d.length - 1, i + context); k++) near[k] = true;
  });
  const out: DiffRow[] = [];
  let skipped = 0;
  d.forEach((l, i) => {
    if (l.op !== 'same' || near[i]) {
      if (skipped) out.push({ op: 'skip', count: skipped });
      skipped = 0;
      out.push(l);
    } else skipped++;
  });
  if (skipped) out.push({ op: 'skip', count: skipped });
  return out;
}
