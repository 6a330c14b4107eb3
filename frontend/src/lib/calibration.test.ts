import { describe, expect, it } from 'vitest';
import type { CalibrationSummary, Review } from '../api/types';
import { canReveal, kappaBand, kappaText, myPart, newSessionProblems, nextToReview, outsideSessions, percent, reviewersDone, reviewState, sessionReviews } from './calibration';

const session: CalibrationSummary = {
  id: 4,
  name: 'November',
  scorecard_ids: [11, 12, 13],
  reviewer_ids: [2, 3],
  created_by: 2,
  created_at: '2026-11-20T08:00:00Z',
  progress: [
    { reviewer_id: 2, submitted: 3 },
    { reviewer_id: 3, submitted: 1 },
  ],
};

const review = (id: number, scorecard: number, reviewer: number, status: Review['status'], calibration?: number): Review => ({
  id,
  scorecard_id: scorecard,
  reviewer_id: reviewer,
  calibration_id: calibration,
  status,
  items: [],
  score: 0,
  created_at: '2026-11-20T08:00:00Z',
});

describe('a reviewer in a session', () => {
  it('knows their part', () => {
    expect(myPart(session, 2)).toEqual({ invited: true, submitted: 3, total: 3, done: true });
    expect(myPart(session, 3)).toEqual({ invited: true, submitted: 1, total: 3, done: false });
    expect(myPart(session, 9)).toEqual({ invited: false, submitted: 0, total: 3, done: false });
    expect(myPart({ ...session, progress: [] }, 3).submitted).toBe(0);
  });

  it('counts the reviewers who are done', () => {
    expect(reviewersDone(session)).toBe(1);
    expect(reviewersDone({ ...session, progress: [{ reviewer_id: 2, submitted: 3 }, { reviewer_id: 3, submitted: 3 }] })).toBe(2);
  });

  it('lets the creator or an administrator reveal a blind session', () => {
    expect(canReveal(session, { id: 2, role: 'qa_reviewer' })).toBe(true);
    expect(canReveal(session, { id: 3, role: 'qa_reviewer' })).toBe(false);
    expect(canReveal(session, { id: 9, role: 'admin' })).toBe(true);
    expect(canReveal({ ...session, revealed_at: '2026-11-21T08:00:00Z' }, { id: 2, role: 'qa_reviewer' })).toBe(false);
  });
});

describe('reviews on a blind review page', () => {
  const reviews = [
    review(1, 11, 3, 'submitted', 4), // mine, in this session
    review(2, 11, 2, 'submitted', 4), // another reviewer's in this session
    review(3, 11, 3, 'draft', 5), // mine, in another session
    review(4, 11, 7, 'submitted'), // the review in force, outside sessions
  ];

  it('shows only my reviews of this session', () => {
    expect(sessionReviews(reviews, 3, 4).map((r) => r.id)).toEqual([1]);
    expect(sessionReviews(reviews, 2, 5)).toEqual([]);
  });

  it('never takes a session review for the human verdict', () => {
    expect(outsideSessions(reviews).map((r) => r.id)).toEqual([4]);
  });

  it('tells todo, draft and submitted apart', () => {
    const mine = [review(1, 11, 3, 'submitted', 4), review(5, 12, 3, 'draft', 4)];
    expect([11, 12, 13].map((id) => reviewState(mine, id))).toEqual(['submitted', 'draft', 'todo']);
  });

  it('goes to the next scorecard not submitted, wrapping round', () => {
    const mine = [review(1, 11, 3, 'submitted', 4), review(5, 13, 3, 'draft', 4)];
    expect(nextToReview([11, 12, 13], mine)).toBe(12);
    expect(nextToReview([11, 12, 13], mine, 12)).toBe(13);
    expect(nextToReview([11, 12, 13], [review(6, 12, 3, 'submitted', 4)], 13)).toBe(11);
    expect(nextToReview([11, 12, 13], [...mine, review(7, 12, 3, 'submitted', 4), review(8, 13, 3, 'submitted', 4)], 13)).toBeUndefined();
    expect(nextToReview([11], [], 11)).toBeUndefined();
  });
});

describe('kappa in words', () => {
  it.each([
    [null, 'undefined'],
    [-0.2, 'poor'],
    [0, 'slight'],
    [0.2, 'slight'],
    [0.21, 'fair'],
    [0.4, 'fair'],
    [0.6, 'moderate'],
    [0.75, 'substantial'],
    [0.81, 'almostPerfect'],
    [1, 'almostPerfect'],
  ] as const)('%s is %s', (k, band) => {
    expect(kappaBand(k)).toBe(band);
  });

  it('formats rates and kappas', () => {
    expect(percent(0.875)).toBe('87.5%');
    expect(percent(1)).toBe('100%');
    expect(percent(0.8125)).toBe('81.3%');
    expect(kappaText(0.6)).toBe('0.600');
    expect(kappaText(-1)).toBe('-1.000');
    expect(kappaText(null)).toBe('—');
    expect(kappaText(0.467, 'ru')).toBe('0,467');
  });
});

describe('a new session', () => {
  it('needs a name, a conversation and two different reviewers', () => {
    expect(newSessionProblems('November', [11], [2, 3])).toEqual([]);
    expect(newSessionProblems('  ', [], [2, 2])).toEqual(['cal.problem.name', 'cal.problem.scorecards', 'cal.problem.reviewers']);
    expect(newSessionProblems('November', [11, 11], [2])).toEqual(['cal.problem.reviewers']);
  });
});
