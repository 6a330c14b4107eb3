// Loads everything the conversation page shows: the scorecard with its reviews, the
// conversation, the audit trail, the disputes on its reviews, the names of the people in them
// and, for reviewers, the assignment. A blind review in a calibration session loads the session
// instead and keeps only the caller's own reviews of it: no other verdict, no audit trail (it
// would name the others' overrides), no disputes.

import { api } from '../api/client';
import type { Assignment, AuditEntry, CalibrationSession, ConversationDetail, Dispute, Person, Role, ScorecardDetail, StoredScorecard } from '../api/types';
import { can } from '../auth';
import { sessionReviews } from '../lib/calibration';

export interface ConversationData {
  conv: ConversationDetail;
  card: ScorecardDetail | null;
  audit: AuditEntry[];
  disputes: Dispute[];
  assignments: Assignment[];
  /** User id → name (GET /users/directory), for reviewers and the audit trail. */
  names: Map<number, string>;
  /** The calibration session of a blind review. */
  session?: CalibrationSession;
}

/** Blind names the calibration session a review page is in, and the reviewer. */
export interface Blind {
  calibrationId: number;
  userId: number;
}

async function quiet<T>(p: Promise<T>, fallback: T): Promise<T> {
  try {
    return await p;
  } catch {
    return fallback; // a role may not read the audit or the queue: show the page without it
  }
}

export async function loadConversation(params: { id?: string; key?: string; rubric?: string | null }, role: Role, blind?: Blind): Promise<ConversationData> {
  let card: ScorecardDetail | null = null;
  let conv: ConversationDetail;
  if (blind) {
    const [session, detail, people] = await Promise.all([
      api.calibration(blind.calibrationId),
      api.scorecard(Number(params.id)),
      quiet(Promise.resolve().then(() => api.directory()), [] as Person[]),
    ]);
    card = { ...detail, reviews: sessionReviews(detail.reviews, blind.userId, blind.calibrationId) };
    conv = await api.conversation(card.scorecard.conversation_key);
    return { conv, card, audit: [], disputes: [], assignments: [], names: new Map(people.map((p) => [p.id, p.name])), session };
  }
  if (params.id) {
    card = await api.scorecard(Number(params.id));
    conv = await api.conversation(card.scorecard.conversation_key);
  } else {
    conv = await api.conversation(Number(params.key));
    const pick: StoredScorecard | undefined =
      conv.scorecards.find((s) => s.scorecard.rubric.id === params.rubric) ?? conv.scorecards[0];
    if (pick) card = await api.scorecard(pick.id);
  }
  const objects = card ? [`scorecard:${card.scorecard.id}`, ...card.reviews.map((r) => `review:${r.id}`)] : [];
  const [auditLists, disputes, assignments, people] = await Promise.all([
    can.conversations(role) ? Promise.all(objects.map((o) => quiet(api.audit(o), []))) : Promise.resolve([] as AuditEntry[][]),
    card && card.reviews.length && can.disputes(role) ? quiet(api.disputes(), []) : Promise.resolve([] as Dispute[]),
    can.review(role) ? quiet(api.queue(), []) : Promise.resolve([] as Assignment[]),
    quiet(Promise.resolve().then(() => api.directory()), [] as Person[]),
  ]);
  const seen = new Set<string>();
  const audit = auditLists
    .flat()
    .filter((e) => {
      const k = `${e.id}|${e.object}|${e.action}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    })
    .sort((a, b) => a.at.localeCompare(b.at));
  const reviewIds = new Set(card?.reviews.map((r) => r.id) ?? []);
  const names = new Map(people.map((p) => [p.id, p.name]));
  return { conv, card, audit, disputes: disputes.filter((d) => reviewIds.has(d.review_id)), assignments, names };
}
