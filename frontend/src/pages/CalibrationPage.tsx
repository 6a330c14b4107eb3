// One calibration session. While it is blind: its conversations with the reviewer's own state
// on each (to review, draft, submitted), everyone's progress, and for its creator the reveal.
// Once revealed: the agreement between the reviewers and with the automation, and every
// reviewer's decision on every item side by side.

import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../api/client';
import type { CalibrationSession, Review, StoredScorecard } from '../api/types';
import { useAuth } from '../auth';
import { AgreementReport } from '../components/AgreementReport';
import { OutcomeChip } from '../components/Outcome';
import { ErrorBox, Loading } from '../components/Status';
import { itemLabel, useI18n } from '../i18n';
import { canReveal, myPart, nextToReview, reviewersDone, reviewState, sessionReviews } from '../lib/calibration';
import { dateTime } from '../lib/time';
import { useAsync } from '../lib/useAsync';

async function load(id: number) {
  const [session, people] = await Promise.all([api.calibration(id), api.directory().catch(() => [])]);
  const cards = await Promise.all(session.scorecard_ids.map((sid) => api.scorecard(sid).then((d) => d.scorecard).catch(() => null)));
  return { session, names: new Map(people.map((p) => [p.id, p.name])), cards: new Map(cards.filter((c) => c !== null).map((c) => [c.id, c])) };
}

export function CalibrationPage() {
  const { id } = useParams();
  const { user } = useAuth();
  const { t, lang } = useI18n();
  const nav = useNavigate();
  const d = useAsync(() => load(Number(id)), [id]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();

  if (d.loading && !d.data) return <Loading />;
  if (d.error) return <ErrorBox error={d.error} />;
  if (!d.data) return null;
  const { session: s, names, cards } = d.data;
  const name = (uid: number) => names.get(uid) ?? `#${uid}`;
  const me = user!;
  const mine = sessionReviews(s.reviews, me.id, s.id);
  const part = myPart(s, me.id);
  const next = part.invited && !s.revealed_at ? nextToReview(s.scorecard_ids, mine) : undefined;

  const reveal = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const revealed = await api.revealCalibration(s.id);
      d.setData({ ...d.data!, session: revealed });
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="page">
      <div className="page-head">
        <h1>
          {s.name} <span className={`badge ${s.revealed_at ? '' : 'badge-review'}`}>{s.revealed_at ? t('cal.status.revealed') : t('cal.status.open')}</span>
        </h1>
        {next !== undefined && (
          <button type="button" className="btn btn-primary" onClick={() => nav(`/calibrations/${s.id}/scorecards/${next}`)}>
            {part.submitted > 0 || mine.length > 0 ? t('cal.continueReview') : t('cal.startReview')}
          </button>
        )}
      </div>
      <p className="muted small">
        {t('cal.createdBy', { name: name(s.created_by), at: dateTime(s.created_at, lang) })}
        {s.revealed_at && <> · {t('cal.revealedAt', { at: dateTime(s.revealed_at, lang) })}</>}
      </p>
      {!s.revealed_at && <p className="hint">{t('cal.blind', { name: name(s.created_by) })}</p>}
      {part.invited && !s.revealed_at && part.done && (
        <p className="alert alert-ok" role="status">
          {t('cal.allDone')}
        </p>
      )}
      <div className="grid-2 grid-wide-left">
        <table className="table table-compact" aria-label={t('cal.col.scorecards')}>
          <thead>
            <tr>
              <th scope="col">{t('col.conversation')}</th>
              <th scope="col">{t('col.agent')}</th>
              <th scope="col">{t('cal.col.yourReview')}</th>
            </tr>
          </thead>
          <tbody>
            {s.scorecard_ids.map((sid) => {
              const c = cards.get(sid);
              const state = reviewState(mine, sid);
              return (
                <tr key={sid} data-scorecard={sid}>
                  <td>
                    <Link to={`/calibrations/${s.id}/scorecards/${sid}`}>{c ? `${c.scorecard.conversation_id} · ${c.scorecard.rubric.id}` : `#${sid}`}</Link>
                  </td>
                  <td>{c?.scorecard.agents?.map((a) => a.agent_id).join(', ')}</td>
                  <td>{part.invited ? t(`cal.state.${state}`) : t('cal.mine.none')}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <section className="card" aria-labelledby="cal-progress-h">
          <h2 id="cal-progress-h">{t('cal.progressTitle')}</h2>
          <ul className="cardlist">
            {s.progress.map((p) => (
              <li key={p.reviewer_id} data-reviewer={p.reviewer_id}>
                {name(p.reviewer_id)}: {t('cal.submittedOf', { n: p.submitted, total: s.scorecard_ids.length })}
              </li>
            ))}
          </ul>
          {canReveal(s, me) && (
            <>
              <p className="muted small">{t('cal.revealHint')}</p>
              {reviewersDone(s) < s.reviewer_ids.length && <p className="error">{t('cal.revealNotAll')}</p>}
              <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void reveal()}>
                {t('cal.reveal')}
              </button>
            </>
          )}
          <ErrorBox error={error} />
        </section>
      </div>
      {s.agreement && (
        <>
          <AgreementReport agreement={s.agreement} names={name} />
          <Decisions session={s} cards={cards} name={name} />
        </>
      )}
    </div>
  );
}

/** Decisions lays every reviewer's result on every item beside the automatic one, per
 * conversation; rows where the reviewers differ are marked. */
function Decisions({ session: s, cards, name }: { session: CalibrationSession; cards: Map<number, StoredScorecard>; name: (id: number) => string }) {
  const { t } = useI18n();
  const submitted = s.reviews.filter((r) => r.status === 'submitted');
  return (
    <section className="calibration-tables" aria-labelledby="cal-decisions-h">
      <h2 id="cal-decisions-h">{t('agr.decisionsTitle')}</h2>
      {s.scorecard_ids.map((sid) => {
        const c = cards.get(sid);
        const byReviewer = new Map<number, Review>(submitted.filter((r) => r.scorecard_id === sid).map((r) => [r.reviewer_id, r]));
        const items = c?.scorecard.items.map((i) => ({ id: i.id, automatic: i.result })) ?? [];
        const title = c ? `${c.scorecard.conversation_id} · ${c.scorecard.rubric.id}` : `#${sid}`;
        return (
          <table key={sid} className="table table-compact" aria-label={title}>
            <caption className="section-name">
              <Link to={`/scorecards/${sid}`}>{title}</Link>
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('agr.col.item')}</th>
                <th scope="col">{t('agr.col.automatic')}</th>
                {s.reviewer_ids.map((rid) => (
                  <th scope="col" key={rid}>
                    {name(rid)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {items.map((it) => {
                const results = s.reviewer_ids.map((rid) => byReviewer.get(rid)?.items.find((x) => x.item_id === it.id));
                const decided = results.filter((r) => r !== undefined).map((r) => r!.result);
                const split = new Set(decided).size > 1;
                return (
                  <tr key={it.id} data-split={split}>
                    <td>{itemLabel(t, it.id)}</td>
                    <td>
                      <OutcomeChip result={it.automatic} small />
                    </td>
                    {results.map((r, i) => (
                      <td key={s.reviewer_ids[i]} title={r?.comment}>
                        {r ? <OutcomeChip result={r.result} small /> : <span className="muted small">{t('agr.noReview')}</span>}
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        );
      })}
    </section>
  );
}
