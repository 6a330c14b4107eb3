// The conversation view: the transcript as a chat beside its scorecard. Reviewers confirm or
// override each item and submit; agents dispute reviewed items; team leads resolve disputes and
// write coaching notes. The human scorecard is shown beside the automatic one, with the audit trail.
// Under /calibrations/:calibrationId/scorecards/:id it is a blind review in a calibration
// session: only the reviewer's own review of that session is shown, and it is saved into it.

import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { api } from '../api/client';
import type { Dispute, ItemResult, Review } from '../api/types';
import { can, useAuth } from '../auth';
import { AuditTrail } from '../components/AuditTrail';
import { CalibrationBanner } from '../components/CalibrationBanner';
import { CoachingForm } from '../components/CoachingForm';
import { DisputeStatus, OpenDispute, ResolveDispute } from '../components/DisputeControls';
import { OutcomeChip, ScoreBadge } from '../components/Outcome';
import { ScorecardPanel } from '../components/ScorecardPanel';
import { ErrorBox, Loading } from '../components/Status';
import { Transcript } from '../components/Transcript';
import { itemLabel, label, useI18n } from '../i18n';
import { nextToReview, outsideSessions, sessionReviews } from '../lib/calibration';
import { humanScore, initialDecisions, latestSubmitted, reviewItems, validateReview, type Decision, type Decisions } from '../lib/review';
import { shortcutFor, step } from '../lib/shortcuts';
import { dateTime } from '../lib/time';
import { useAsync } from '../lib/useAsync';
import { loadConversation } from './useConversationData';

export function ConversationPage() {
  const { id, key, calibrationId } = useParams();
  const [search] = useSearchParams();
  const { user } = useAuth();
  const { t, lang } = useI18n();
  const nav = useNavigate();
  const location = useLocation();
  const justSubmitted = (location.state as { submitted?: boolean } | null)?.submitted === true;
  const role = user!.role;
  const calId = calibrationId ? Number(calibrationId) : undefined;
  const state = useAsync(
    () => loadConversation({ id, key, rubric: search.get('rubric') }, role, calId ? { calibrationId: calId, userId: user!.id } : undefined),
    [id, key, role, calId],
  );
  const data = state.data;
  const session = data?.session;
  const card = data?.card?.scorecard;
  const items = useMemo(() => card?.scorecard.items ?? [], [card]);
  // Reviews made in calibration sessions never stand for the human verdict; in a session's
  // blind review only the caller's own review of it exists.
  const reviews = useMemo(() => {
    const all = data?.card?.reviews ?? [];
    return calId ? sessionReviews(all, user!.id, calId) : outsideSessions(all);
  }, [data, calId, user]);
  const myDraft = reviews.find((r) => r.reviewer_id === user!.id && r.status === 'draft');
  const mySubmitted = reviews.find((r) => r.reviewer_id === user!.id && r.status === 'submitted');
  const submitted = calId ? mySubmitted : latestSubmitted(reviews);
  const inSession = !session || (session.reviewer_ids.includes(user!.id) && !session.revealed_at);
  const reviewing = !!card && can.review(role) && !mySubmitted && inSession;

  const [selected, setSelected] = useState<string | null>(null);
  const [decisions, setDecisions] = useState<Decisions>({});
  const [comment, setComment] = useState('');
  const [showProblems, setShowProblems] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  const [disputes, setDisputes] = useState<Dispute[]>([]);
  const [draftId, setDraftId] = useState<number | undefined>();

  useEffect(() => {
    setDecisions(initialDecisions(items, myDraft));
    setComment(myDraft?.comment ?? '');
    setShowProblems(false);
    setSelected(null);
    setDisputes(data?.disputes ?? []);
    setMessage('');
    setDraftId(myDraft?.id);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data]);

  const problems = useMemo(() => validateReview(items, decisions), [items, decisions]);
  const preview = useMemo(() => humanScore(items, decisions), [items, decisions]);
  const selectedItem = items.find((i) => i.id === selected) ?? null;
  const assignment = data?.assignments.find((a) => a.scorecard_id === card?.id && !a.done_at);
  const nextAssignment = data?.assignments.find((a) => a.scorecard_id !== card?.id && !a.done_at);

  const decide = useCallback((itemId: string, d: Decision) => setDecisions((prev) => ({ ...prev, [itemId]: d })), []);

  const save = useCallback(
    async (submit: boolean) => {
      if (!card) return;
      if (submit && problems.length) {
        setShowProblems(true);
        setSelected(problems[0].itemId);
        setMessage('');
        return;
      }
      setBusy(true);
      setMessage('');
      try {
        const saved = await api.saveReview(card.id, reviewItems(items, decisions), comment.trim(), submit, draftId, calId);
        if (!submit && saved?.id) setDraftId(saved.id);
        if (submit) {
          setMessage(t('review.submitted'));
          const nextInSession = session ? nextToReview(session.scorecard_ids, [...reviews, saved], card.id) : undefined;
          if (session && nextInSession !== undefined) nav(`/calibrations/${session.id}/scorecards/${nextInSession}`, { state: { submitted: true } });
          else if (session) nav(`/calibrations/${session.id}`);
          else if (nextAssignment) nav(`/scorecards/${nextAssignment.scorecard_id}`, { state: { submitted: true } });
          else state.reload();
        } else {
          setMessage(t('review.draftSaved'));
        }
      } catch (e) {
        setMessage(`${t('common.error')}: ${(e as Error).message}`);
      } finally {
        setBusy(false);
      }
    },
    [card, problems, items, decisions, comment, draftId, calId, session, reviews, nextAssignment, nav, state, t],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const action = shortcutFor(e);
      if (!action || !items.length) return;
      const ids = items.map((i) => i.id);
      if (action === 'next' || action === 'prev') setSelected((cur) => step(ids, cur, action === 'next' ? 1 : -1));
      else if (action === 'clear') setSelected(null);
      else if (!reviewing) return;
      else if (action === 'submit') void save(true);
      else if (selected) {
        const result = action === 'pass' ? 'pass' : action === 'fail' ? 'fail' : 'na';
        decide(selected, { result, comment: decisions[selected]?.comment ?? '' });
        const auto = items.find((i) => i.id === selected)?.result;
        // An override needs a comment: put the cursor in its field.
        if (auto !== result) setTimeout(() => document.getElementById(`comment-${selected}`)?.focus(), 0);
      } else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [items, reviewing, selected, decisions, decide, save]);

  if (state.loading && !data) return <Loading />;
  if (state.error) return <ErrorBox error={state.error} />;
  if (!data) return null;
  const sc = data.conv.conversation;
  const c = sc.conversation;
  const humanMap = submitted ? new Map(submitted.items.map((i) => [i.item_id, i])) : undefined;
  const agentIds = card?.scorecard.agents?.map((a) => a.agent_id) ?? c.agents?.map((a) => a.id) ?? [];

  const extra = (it: ItemResult) => <ItemDisputes item={it} review={submitted} disputes={disputes} setDisputes={setDisputes} />;

  return (
    <div className="conversation-page">
      <header className="conv-header">
        <div>
          <h1>
            {t('conv.title', { id: c.id })}{' '}
            <span className="muted small">
              {t(`channel.${c.channel}`)} · {c.language ?? '?'} {sc.team ? `· ${sc.team}` : ''}
            </span>
          </h1>
          <p className="muted small">
            {c.agents?.map((a) => a.name || a.id).join(', ')} · {dateTime(c.started_at ?? c.turns[0]?.at, lang)}
            {c.outcome?.csat !== undefined && <> · CSAT {c.outcome.csat}</>}
            {card && (
              <>
                {' '}
                · {t('conv.rubric')} <code>{card.scorecard.rubric.id}@{card.scorecard.rubric.version}</code>
              </>
            )}
          </p>
        </div>
        {card && (
          <div className="scores" aria-label={t('conv.scores')}>
            <div className="score-box">
              <span className="score-label">{t('score.automatic')}</span>
              <ScoreBadge score={card.scorecard.score} critical={card.scorecard.critical_failed} label={t('score.automatic')} />
            </div>
            <div className="score-box">
              <span className="score-label">{reviewing ? t('score.yourReview') : t('score.human')}</span>
              {reviewing ? (
                <ScoreBadge score={preview.score} critical={preview.criticalFailed} label={t('score.yourReview')} />
              ) : submitted ? (
                <ScoreBadge score={calId ? submitted.score : (card.reviewed_score ?? submitted.score)} label={t('score.human')} />
              ) : (
                <span className="score score-none">{t('score.notReviewed')}</span>
              )}
            </div>
          </div>
        )}
      </header>
      {session && card && <CalibrationBanner session={session} scorecardId={card.id} userId={user!.id} />}
      {!session && card && can.review(role) && (
        <p className="small">
          <Link to={`/calibrations/new?scorecard=${card.id}`}>{t('cal.calibrate')}</Link>
        </p>
      )}
      {justSubmitted && (
        <p className="alert alert-ok" role="status">
          {session ? t('cal.previousSubmitted') : t('review.previousSubmitted')}
        </p>
      )}
      {!session && data.conv.scorecards.length > 1 && (
        <nav className="tabs" aria-label={t('conv.otherScorecards')}>
          {data.conv.scorecards.map((s) => (
            <Link key={s.id} to={`/scorecards/${s.id}`} aria-current={s.id === card?.id ? 'page' : undefined}>
              {s.scorecard.rubric.id}@{s.scorecard.rubric.version}
            </Link>
          ))}
        </nav>
      )}
      <div className="split">
        <Transcript conversation={c} zones={data.conv.customer_zones} selected={selectedItem} />
        <aside className="scorecard-panel" aria-label={t('conv.scorecard')}>
          {!card && <p className="muted">{t('conv.noScorecard')}</p>}
          {card && (
            <>
              {reviewing && (
                <p className="hint">
                  {assignment ? t('review.assigned', { reason: label(t, 'sampling', assignment.reason) }) + ' ' : ''}
                  <kbd>j</kbd>/<kbd>k</kbd> {t('review.keysMove')} · <kbd>p</kbd> {t('outcome.pass')} · <kbd>f</kbd> {t('outcome.fail')} · <kbd>n</kbd>{' '}
                  {t('outcome.na')} · <kbd>Ctrl</kbd>+<kbd>Enter</kbd> {t('review.submit')}
                </p>
              )}
              <ScorecardPanel
                items={items}
                selectedId={selected}
                onSelect={(i) => setSelected((cur) => (cur === i ? null : i))}
                review={reviewing ? { decisions, onChange: decide, problems, showProblems } : undefined}
                human={humanMap}
                extra={reviewing ? undefined : extra}
              />
              {reviewing && (
                <form
                  className="review-footer"
                  onSubmit={(e) => {
                    e.preventDefault();
                    void save(true);
                  }}
                >
                  <div className="field">
                    <label htmlFor="review-comment">{t('review.comment')}</label>
                    <textarea id="review-comment" rows={1} value={comment} onChange={(e) => setComment(e.target.value)} />
                  </div>
                  <div className="review-actions">
                    <span className="muted small">
                      {preview.pending > 0 ? t('review.pending', { count: preview.pending }) : t('review.ready')}
                    </span>
                    <button type="button" className="btn" disabled={busy} onClick={() => void save(false)}>
                      {t('review.saveDraft')}
                    </button>
                    <button type="submit" className="btn btn-primary" disabled={busy}>
                      {t('review.submit')}
                    </button>
                  </div>
                  {(message || (showProblems && problems.length > 0)) && (
                    <p className={showProblems && problems.length ? 'error' : 'muted'} role="status">
                      {showProblems && problems.length ? t('review.fixProblems', { count: problems.length }) : message}
                    </p>
                  )}
                </form>
              )}
              {!reviewing && message && (
                <p className="alert alert-ok" role="status">
                  {message}
                </p>
              )}
              {submitted && <ReviewSummary review={submitted} names={data.names} />}
              {session && mySubmitted && !session.revealed_at && <p className="muted small">{t('cal.submittedBlind')}</p>}
              {!session && can.lead(role) && agentIds.length > 0 && (
                <section className="panel-section">
                  <h2>{t('coaching.title')}</h2>
                  <CoachingForm agentId={agentIds[0]} scorecardId={card.id} />
                </section>
              )}
              {data.audit.length > 0 && (
                <details className="panel-section">
                  <summary>{t('audit.title')}</summary>
                  <AuditTrail entries={data.audit} names={data.names} />
                </details>
              )}
            </>
          )}
        </aside>
      </div>
    </div>
  );
}

function ReviewSummary({ review, names }: { review: Review; names: Map<number, string> }) {
  const { t, lang } = useI18n();
  const overridden = review.items.filter((i) => i.result !== i.automatic);
  return (
    <section className="panel-section" aria-label={t('review.summary')}>
      <h2>{t('review.summary')}</h2>
      <p className="small">
        {t('review.by', { name: names.get(review.reviewer_id) ?? `#${review.reviewer_id}`, at: dateTime(review.submitted_at ?? review.created_at, lang) })} ·{' '}
        {t('score.human')}{' '}
        <ScoreBadge score={review.score} />
      </p>
      {review.comment && <blockquote>{review.comment}</blockquote>}
      {overridden.length > 0 && (
        <ul className="overrides">
          {overridden.map((i) => (
            <li key={i.item_id}>
              {itemLabel(t, i.item_id)}: <OutcomeChip result={i.automatic} small /> → <OutcomeChip result={i.result} small />
              {i.comment && <span className="muted"> — {i.comment}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ItemDisputes({
  item,
  review,
  disputes,
  setDisputes,
}: {
  item: ItemResult;
  review?: Review;
  disputes: Dispute[];
  setDisputes: (f: (d: Dispute[]) => Dispute[]) => void;
}) {
  const { user } = useAuth();
  if (!review) return null;
  const mine = disputes.filter((d) => d.review_id === review.id && d.item_id === item.id);
  const role = user!.role;
  const replace = (d: Dispute) => setDisputes((list) => [...list.filter((x) => x.id !== d.id), d]);
  return (
    <div className="item-disputes">
      {mine.map((d) => (
        <div key={d.id}>
          <DisputeStatus d={d} />
          {d.status === 'open' && can.lead(role) && <ResolveDispute dispute={d} onDone={replace} />}
        </div>
      ))}
      {role === 'agent' && !mine.some((d) => d.status === 'open') && <OpenDispute reviewId={review.id} itemId={item.id} onDone={replace} />}
    </div>
  );
}
