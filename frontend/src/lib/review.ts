// The reviewer's decisions on a scorecard: each item confirmed (the automatic result kept) or
// overridden (with a comment, which is required), and every `review` item decided. The human
// score is computed the way internal/rubric computes the automatic one (computeScore).

import type { ItemResult, Outcome, Review, ReviewItemRequest } from '../api/types';

export interface Decision {
  result: Outcome;
  comment: string;
}

export type Decisions = Record<string, Decision>;

export type ReviewProblem = { itemId: string; kind: 'undecided' | 'comment_required' };

/** initialDecisions starts from a draft review when there is one, else from the automatic results. */
export function initialDecisions(items: ItemResult[], draft?: Review | null): Decisions {
  const out: Decisions = {};
  for (const it of items) out[it.id] = { result: it.result, comment: '' };
  for (const ri of draft?.items ?? []) {
    if (out[ri.item_id]) out[ri.item_id] = { result: ri.result, comment: ri.comment ?? '' };
  }
  return out;
}

/** validateReview lists what stops a submission: undecided review items, overrides without a comment. */
export function validateReview(items: ItemResult[], decisions: Decisions): ReviewProblem[] {
  const out: ReviewProblem[] = [];
  for (const it of items) {
    const d = decisions[it.id] ?? { result: it.result, comment: '' };
    if (d.result === 'review') out.push({ itemId: it.id, kind: 'undecided' });
    else if (d.result !== it.result && d.comment.trim() === '') out.push({ itemId: it.id, kind: 'comment_required' });
  }
  return out;
}

/** reviewItems is the body's items of POST /reviews: every item with the reviewer's result. */
export function reviewItems(items: ItemResult[], decisions: Decisions): ReviewItemRequest[] {
  return items.map((it) => {
    const d = decisions[it.id] ?? { result: it.result, comment: '' };
    const ri: ReviewItemRequest = { item_id: it.id, result: d.result };
    if (d.comment.trim() !== '') ri.comment = d.comment.trim();
    return ri;
  });
}

function counts(it: ItemResult, result: Outcome): boolean {
  if (result === 'pass') return true;
  if (result === 'fail') return !it.optional;
  return false;
}

/** humanScore mirrors rubric.computeScore with the reviewer's results: points of a passed item
 * are its max points, of a failed one zero; a failed critical item zeroes the score. */
export function humanScore(items: ItemResult[], decisions: Decisions): { score: number; criticalFailed: boolean; pending: number } {
  let got = 0;
  let max = 0;
  let criticalFailed = false;
  let pending = 0;
  for (const it of items) {
    const result = decisions[it.id]?.result ?? it.result;
    if (result === 'review') pending++;
    if (it.critical && result === 'fail') criticalFailed = true;
    if (counts(it, result)) {
      got += result === 'pass' ? it.max_points : 0;
      max += it.max_points;
    }
  }
  if (criticalFailed) return { score: 0, criticalFailed, pending };
  if (max === 0) return { score: 100, criticalFailed, pending };
  return { score: Math.round((1000 * got) / max) / 10, criticalFailed, pending };
}

/** latestSubmitted picks the most recent submitted review, the one that stands for the humans. */
export function latestSubmitted(reviews: Review[]): Review | undefined {
  return reviews
    .filter((r) => r.status === 'submitted')
    .sort((a, b) => (b.submitted_at ?? b.created_at).localeCompare(a.submitted_at ?? a.created_at))[0];
}
