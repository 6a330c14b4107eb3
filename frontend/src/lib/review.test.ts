import { describe, expect, it } from 'vitest';
import type { ItemResult, Review } from '../api/types';
import { humanScore, initialDecisions, latestSubmitted, reviewItems, validateReview } from './review';

const item = (id: string, result: ItemResult['result'], extra: Partial<ItemResult> = {}): ItemResult => ({
  id,
  section: 'S',
  result,
  points: result === 'pass' ? 10 : 0,
  max_points: 10,
  critical: false,
  reason: '',
  evidence: [],
  ...extra,
});

const items = [item('greeting', 'pass'), item('empathy', 'fail'), item('greeting_time', 'review'), item('hold_etiquette', 'na')];

describe('review validation', () => {
  it('starts from the automatic results, so review items are undecided', () => {
    const d = initialDecisions(items);
    expect(validateReview(items, d)).toEqual([{ itemId: 'greeting_time', kind: 'undecided' }]);
  });

  it('requires a comment on an override, and not on a confirmation', () => {
    const d = initialDecisions(items);
    d.greeting_time = { result: 'pass', comment: '' }; // deciding a review item changes the result too (qa.ReviewItem)
    d.empathy = { result: 'pass', comment: '   ' };
    expect(validateReview(items, d)).toEqual([
      { itemId: 'empathy', kind: 'comment_required' },
      { itemId: 'greeting_time', kind: 'comment_required' },
    ]);
    d.empathy.comment = 'The agent said "I see how annoying this is".';
    d.greeting_time.comment = 'Customer zone is Europe/Kyiv: morning.';
    expect(validateReview(items, d)).toEqual([]);
  });

  it('builds the items of POST /reviews with trimmed comments', () => {
    const d = initialDecisions(items);
    d.empathy = { result: 'pass', comment: ' ok ' };
    d.greeting_time = { result: 'na', comment: 'no zone' };
    expect(reviewItems(items, d)).toEqual([
      { item_id: 'greeting', result: 'pass' },
      { item_id: 'empathy', result: 'pass', comment: 'ok' },
      { item_id: 'greeting_time', result: 'na', comment: 'no zone' },
      { item_id: 'hold_etiquette', result: 'na' },
    ]);
  });

  it('resumes a draft', () => {
    const draft = { items: [{ item_id: 'empathy', automatic: 'fail', result: 'pass', comment: 'c' }] } as unknown as Review;
    expect(initialDecisions(items, draft).empathy).toEqual({ result: 'pass', comment: 'c' });
  });
});

describe('humanScore', () => {
  it('counts pass and fail, drops na and review', () => {
    const d = initialDecisions(items);
    expect(humanScore(items, d)).toEqual({ score: 50, criticalFailed: false, pending: 1 });
    d.empathy = { result: 'pass', comment: 'x' };
    d.greeting_time = { result: 'fail', comment: 'x' };
    expect(humanScore(items, d).score).toBeCloseTo(66.7);
  });

  it('zeroes the score when a critical item fails', () => {
    const crit = [item('forbidden_phrases', 'pass', { critical: true }), item('greeting', 'pass')];
    const d = initialDecisions(crit);
    d.forbidden_phrases = { result: 'fail', comment: 'rude' };
    expect(humanScore(crit, d)).toEqual({ score: 0, criticalFailed: true, pending: 0 });
  });

  it('ignores a failed optional item and scores 100 when nothing counts', () => {
    const opt = [item('a', 'fail', { optional: true }), item('b', 'pass')];
    expect(humanScore(opt, initialDecisions(opt)).score).toBe(100);
    const none = [item('a', 'na')];
    expect(humanScore(none, initialDecisions(none)).score).toBe(100);
  });
});

describe('latestSubmitted', () => {
  it('ignores drafts and picks the newest submission', () => {
    const r = (id: number, status: 'draft' | 'submitted', at?: string) => ({ id, status, submitted_at: at, created_at: '2026-01-01T00:00:00Z' }) as Review;
    expect(latestSubmitted([r(1, 'submitted', '2026-02-01T00:00:00Z'), r(2, 'draft'), r(3, 'submitted', '2026-03-01T00:00:00Z')])?.id).toBe(3);
    expect(latestSubmitted([r(2, 'draft')])).toBeUndefined();
  });
});
