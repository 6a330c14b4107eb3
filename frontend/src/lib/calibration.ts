// Calibration sessions on the client: where the signed-in reviewer stands in a session, which
// scorecard to review next, which reviews a blind review page may show, and how to put Cohen's
// kappa into words. The agreement itself is computed by the server (internal/calibration).

import type { CalibrationSummary, Review } from '../api/types';

/** MyPart is the caller's share of a session: invited or not, and how many of its scorecards
 * they have submitted a review of. */
export interface MyPart {
  invited: boolean;
  submitted: number;
  total: number;
  done: boolean;
}

export function myPart(s: CalibrationSummary, me: number): MyPart {
  const invited = s.reviewer_ids.includes(me);
  const submitted = s.progress.find((p) => p.reviewer_id === me)?.submitted ?? 0;
  const total = s.scorecard_ids.length;
  return { invited, submitted, total, done: invited && submitted >= total };
}

/** reviewersDone counts the reviewers who have submitted every scorecard of the session. */
export function reviewersDone(s: CalibrationSummary): number {
  return s.reviewer_ids.filter((id) => (s.progress.find((p) => p.reviewer_id === id)?.submitted ?? 0) >= s.scorecard_ids.length).length;
}

/** canReveal: the creator (or an administrator) reveals a session that is still blind. */
export function canReveal(s: CalibrationSummary, me: { id: number; role: string }): boolean {
  return !s.revealed_at && (s.created_by === me.id || me.role === 'admin');
}

/** sessionReviews are the caller's reviews made in one session. */
export function sessionReviews(reviews: Review[], me: number, calibrationId: number): Review[] {
  return reviews.filter((r) => r.reviewer_id === me && r.calibration_id === calibrationId);
}

/** outsideSessions drops reviews made in calibration sessions: they measure reviewers and never
 * stand for the human verdict on a conversation. */
export function outsideSessions(reviews: Review[]): Review[] {
  return reviews.filter((r) => !r.calibration_id);
}

/** reviewState is the caller's state on one scorecard of a session. */
export function reviewState(mine: Review[], scorecardId: number): 'todo' | 'draft' | 'submitted' {
  const rs = mine.filter((r) => r.scorecard_id === scorecardId);
  if (rs.some((r) => r.status === 'submitted')) return 'submitted';
  return rs.length ? 'draft' : 'todo';
}

/** nextToReview is the scorecard to review after `current`: the next one in the session's
 * order the caller has not submitted, wrapping round to earlier ones; undefined when none is
 * left. */
export function nextToReview(scorecardIds: number[], mine: Review[], current?: number): number | undefined {
  const at = current === undefined ? -1 : scorecardIds.indexOf(current);
  const order = [...scorecardIds.slice(at + 1), ...scorecardIds.slice(0, Math.max(at, 0))];
  return order.find((id) => id !== current && reviewState(mine, id) !== 'submitted');
}

/** Bands of kappa in words (Landis and Koch, 1977), the usual reading of a kappa. */
export type KappaBand = 'undefined' | 'poor' | 'slight' | 'fair' | 'moderate' | 'substantial' | 'almostPerfect';

export function kappaBand(k: number | null | undefined): KappaBand {
  if (k === null || k === undefined) return 'undefined';
  if (k < 0) return 'poor';
  if (k <= 0.2) return 'slight';
  if (k <= 0.4) return 'fair';
  if (k <= 0.6) return 'moderate';
  if (k <= 0.8) return 'substantial';
  return 'almostPerfect';
}

/** percent shows a 0-1 rate as a percentage with at most one decimal (0.875 → "87.5%"). */
export function percent(rate: number, lang = 'en'): string {
  return new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 }).format(rate);
}

/** kappaText shows a kappa with its three decimals, or a dash where it is undefined. */
export function kappaText(k: number | null | undefined, lang = 'en'): string {
  if (k === null || k === undefined) return '—';
  return new Intl.NumberFormat(lang, { minimumFractionDigits: 3, maximumFractionDigits: 3 }).format(k);
}

/** Problems of a new session's form, as translation keys; the server checks the same. */
export type NewSessionProblem = 'cal.problem.name' | 'cal.problem.scorecards' | 'cal.problem.reviewers';

export function newSessionProblems(name: string, scorecardIds: number[], reviewerIds: number[]): NewSessionProblem[] {
  const out: NewSessionProblem[] = [];
  if (name.trim() === '') out.push('cal.problem.name');
  if (new Set(scorecardIds).size === 0) out.push('cal.problem.scorecards');
  if (new Set(reviewerIds).size < 2) out.push('cal.problem.reviewers');
  return out;
}
