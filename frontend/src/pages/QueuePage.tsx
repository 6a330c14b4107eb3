// The review queue of a QA reviewer: open assignments, and a form that pulls more by a sampling
// rule (N random per agent per week, all critical fails, all needs_review, lowest scores first)
// with filters. The server never gives one scorecard to two reviewers.

import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { api } from '../api/client';
import { SAMPLING_KINDS, type Assignment, type Filter, type SamplingKind } from '../api/types';
import { FilterBar } from '../components/FilterBar';
import { ScoreBadge } from '../components/Outcome';
import { Empty, ErrorBox, Loading } from '../components/Status';
import { label, useI18n } from '../i18n';
import { dateTime } from '../lib/time';
import { useAsync } from '../lib/useAsync';

async function withScorecards(list: Assignment[]): Promise<Assignment[]> {
  return Promise.all(
    list.map(async (a) => {
      if (a.scorecard) return a;
      try {
        return { ...a, scorecard: (await api.scorecard(a.scorecard_id)).scorecard };
      } catch {
        return a;
      }
    }),
  );
}

export function QueuePage() {
  const { t, lang } = useI18n();
  const nav = useNavigate();
  const q = useAsync(async () => withScorecards(await api.queue()), []);
  const rubrics = useAsync(() => api.rubrics().catch(() => []), []);
  const [kind, setKind] = useState<SamplingKind>('random_per_agent_week');
  const [count, setCount] = useState(2);
  const [max, setMax] = useState(10);
  const [filter, setFilter] = useState<Filter>({});
  const [msg, setMsg] = useState('');
  const [busy, setBusy] = useState(false);

  const pull = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setMsg('');
    try {
      const got = await api.pullQueue({ kind, count: count || undefined, ...filter }, max);
      setMsg(got.length ? t('queue.pulled', { count: got.length }) : t('queue.nothingNew'));
      q.reload();
    } catch (err) {
      setMsg(`${t('common.error')}: ${(err as Error).message}`);
    } finally {
      setBusy(false);
    }
  };

  const open = (q.data ?? []).filter((a) => !a.done_at);
  const done = (q.data ?? []).filter((a) => a.done_at);

  return (
    <div className="page">
      <div className="page-head">
        <h1>{t('queue.title')}</h1>
        {open.length > 0 && (
          <button type="button" className="btn btn-primary" onClick={() => nav(`/scorecards/${open[0].scorecard_id}`)}>
            {t('queue.start')}
          </button>
        )}
      </div>
      <form className="card pull-form" onSubmit={pull} aria-label={t('queue.pullTitle')}>
        <h2>{t('queue.pullTitle')}</h2>
        <div className="row">
          <div className="field">
            <label htmlFor="rule-kind">{t('queue.rule')}</label>
            <select id="rule-kind" value={kind} onChange={(e) => setKind(e.target.value as SamplingKind)}>
              {SAMPLING_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`sampling.${k}`)}
                </option>
              ))}
            </select>
          </div>
          {(kind === 'random_per_agent_week' || kind === 'lowest_scores') && (
            <div className="field field-narrow">
              <label htmlFor="rule-count">{kind === 'random_per_agent_week' ? t('queue.perAgentWeek') : t('queue.lowestN')}</label>
              <input id="rule-count" type="number" min={1} max={100} value={count} onChange={(e) => setCount(Number(e.target.value))} />
            </div>
          )}
          <div className="field field-narrow">
            <label htmlFor="rule-max">{t('queue.max')}</label>
            <input id="rule-max" type="number" min={1} max={200} value={max} onChange={(e) => setMax(Number(e.target.value))} />
          </div>
        </div>
        <FilterBar value={filter} onChange={setFilter} fields={['team', 'agent', 'channel', 'language', 'rubric', 'from', 'to']} rubrics={(rubrics.data ?? []).map((r) => r.rubric_id)} />
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {t('queue.pull')}
        </button>
        {msg && (
          <span role="status" className="muted">
            {' '}
            {msg}
          </span>
        )}
      </form>
      <ErrorBox error={q.error} />
      {q.loading && !q.data ? <Loading /> : null}
      <section aria-labelledby="open-h">
        <h2 id="open-h">{t('queue.open', { count: open.length })}</h2>
        {open.length === 0 && !q.loading ? <Empty text={t('queue.empty')} /> : <QueueTable list={open} lang={lang} />}
      </section>
      {done.length > 0 && (
        <details>
          <summary>{t('queue.done', { count: done.length })}</summary>
          <QueueTable list={done} lang={lang} />
        </details>
      )}
    </div>
  );
}

function QueueTable({ list, lang }: { list: Assignment[]; lang: string }) {
  const { t } = useI18n();
  return (
    <table className="table" aria-label={t('queue.title')}>
      <thead>
        <tr>
          <th scope="col">{t('col.conversation')}</th>
          <th scope="col">{t('col.agent')}</th>
          <th scope="col">{t('col.team')}</th>
          <th scope="col">{t('col.channel')}</th>
          <th scope="col">{t('col.language')}</th>
          <th scope="col">{t('col.score')}</th>
          <th scope="col">{t('col.flags')}</th>
          <th scope="col">{t('col.reason')}</th>
          <th scope="col">{t('col.assigned')}</th>
        </tr>
      </thead>
      <tbody>
        {list.map((a) => {
          const c = a.scorecard?.scorecard;
          return (
            <tr key={a.id}>
              <td>
                <Link to={`/scorecards/${a.scorecard_id}`}>{c?.conversation_id ?? `#${a.scorecard_id}`}</Link>
              </td>
              <td>{c?.agents?.map((x) => x.agent_id).join(', ')}</td>
              <td>{a.scorecard?.team}</td>
              <td>{c ? t(`channel.${c.channel}`) : ''}</td>
              <td>{c?.language}</td>
              <td>{c && <ScoreBadge score={c.score} critical={c.critical_failed} />}</td>
              <td>
                {c?.critical_failed && <span className="badge badge-critical">{t('flag.critical')}</span>}{' '}
                {c?.needs_review && <span className="badge badge-review">{t('flag.needsReview')}</span>}
              </td>
              <td>{label(t, 'sampling', a.reason)}</td>
              <td>{dateTime(a.assigned_at, lang)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
