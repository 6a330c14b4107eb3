// Starting a calibration session: a name, the scorecards everyone will review (picked from the
// scorecard list with the usual filters, or handed over from a conversation page with
// ?scorecard=ID) and at least two reviewers from the user directory.

import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { api } from '../api/client';
import type { Filter, StoredScorecard } from '../api/types';
import { useAuth } from '../auth';
import { FilterBar } from '../components/FilterBar';
import { ScoreBadge } from '../components/Outcome';
import { Empty, ErrorBox, Loading } from '../components/Status';
import { useI18n } from '../i18n';
import { newSessionProblems } from '../lib/calibration';
import { dateTime } from '../lib/time';
import { useAsync } from '../lib/useAsync';
import { Pager } from '../components/Pager';

const PAGE = 20;

const cardName = (s: StoredScorecard) => `${s.scorecard.conversation_id} · ${s.scorecard.rubric.id}`;

export function CalibrationNewPage() {
  const { t } = useI18n();
  const { user } = useAuth();
  const nav = useNavigate();
  const [search] = useSearchParams();
  const [name, setName] = useState('');
  const [reviewers, setReviewers] = useState<number[]>([user!.id]);
  const [picked, setPicked] = useState<Map<number, StoredScorecard | null>>(() => new Map(search.getAll('scorecard').map((id) => [Number(id), null])));
  const [problems, setProblems] = useState<string[]>([]);
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState(false);

  // Scorecards handed over in the address are shown by name once loaded.
  useEffect(() => {
    for (const id of search.getAll('scorecard').map(Number)) {
      api
        .scorecard(id)
        .then((d) => setPicked((m) => (m.has(id) ? new Map(m).set(id, d.scorecard) : m)))
        .catch(() => {});
    }
  }, [search]);

  const toggleCard = (s: StoredScorecard) =>
    setPicked((m) => {
      const next = new Map(m);
      if (next.has(s.id)) next.delete(s.id);
      else next.set(s.id, s);
      return next;
    });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const ids = [...picked.keys()];
    const found = newSessionProblems(name, ids, reviewers);
    setProblems(found);
    setError(undefined);
    if (found.length) return;
    setBusy(true);
    try {
      const cal = await api.createCalibration(name.trim(), ids, reviewers);
      nav(`/calibrations/${cal.id}`);
    } catch (err) {
      setError(err as Error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="page" onSubmit={submit} aria-label={t('cal.newTitle')}>
      <h1>{t('cal.newTitle')}</h1>
      <div className="field">
        <label htmlFor="cal-name">{t('cal.name')}</label>
        <input id="cal-name" value={name} onChange={(e) => setName(e.target.value)} aria-invalid={problems.includes('cal.problem.name')} />
      </div>
      <div className="grid-2 grid-wide-left">
        <ScorecardPicker picked={picked} onToggle={toggleCard} />
        <div>
          <ReviewerPicker selected={reviewers} onChange={setReviewers} />
          <section className="card" aria-labelledby="cal-picked-h">
            <h2 id="cal-picked-h">{t('cal.selected', { count: picked.size })}</h2>
            <ul className="cardlist">
              {[...picked].map(([id, s]) => (
                <li key={id}>
                  <span>{s ? cardName(s) : `#${id}`}</span>
                  <button type="button" className="btn btn-small" aria-label={t('cal.remove', { name: s ? cardName(s) : `#${id}` })} onClick={() => setPicked((m) => {
                    const next = new Map(m);
                    next.delete(id);
                    return next;
                  })}>
                    ×
                  </button>
                </li>
              ))}
            </ul>
            {problems.map((p) => (
              <p key={p} className="error" role="alert">
                {t(p)}
              </p>
            ))}
            <ErrorBox error={error} />
            <button type="submit" className="btn btn-primary" disabled={busy}>
              {t('cal.create')}
            </button>
          </section>
        </div>
      </div>
    </form>
  );
}

function ReviewerPicker({ selected, onChange }: { selected: number[]; onChange: (ids: number[]) => void }) {
  const { t } = useI18n();
  const people = useAsync(() => api.directory(), []);
  const [find, setFind] = useState('');
  const shown = useMemo(
    () => (people.data ?? []).filter((p) => selected.includes(p.id) || p.name.toLowerCase().includes(find.trim().toLowerCase())).sort((a, b) => a.name.localeCompare(b.name)),
    [people.data, find, selected],
  );
  return (
    <fieldset className="card">
      <legend>
        <h2>{t('cal.reviewers')}</h2>
      </legend>
      <p className="muted small">{t('cal.reviewersHint')}</p>
      <div className="field">
        <label htmlFor="cal-find">{t('cal.findPerson')}</label>
        <input id="cal-find" value={find} onChange={(e) => setFind(e.target.value)} />
      </div>
      <ErrorBox error={people.error} />
      {people.loading && <Loading />}
      <ul className="cardlist">
        {shown.map((p) => (
          <li key={p.id}>
            <label className="inline">
              <input
                type="checkbox"
                checked={selected.includes(p.id)}
                onChange={(e) => onChange(e.target.checked ? [...selected, p.id] : selected.filter((x) => x !== p.id))}
              />{' '}
              {p.name}
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

function ScorecardPicker({ picked, onToggle }: { picked: Map<number, StoredScorecard | null>; onToggle: (s: StoredScorecard) => void }) {
  const { t, lang } = useI18n();
  const [filter, setFilter] = useState<Filter>({});
  const [offset, setOffset] = useState(0);
  const list = useAsync(() => api.scorecards({ ...filter, limit: PAGE, offset }), [JSON.stringify(filter), offset]);
  const items = list.data?.items ?? [];
  const total = list.data?.total ?? 0;
  return (
    <section className="card" aria-labelledby="cal-cards-h">
      <h2 id="cal-cards-h">{t('cal.scorecards')}</h2>
      <p className="muted small">{t('cal.scorecardsHint')}</p>
      <FilterBar
        value={filter}
        onChange={(f) => {
          setOffset(0);
          setFilter(f);
        }}
        fields={['agent', 'team', 'channel', 'language', 'from', 'to']}
      />
      <ErrorBox error={list.error} />
      {list.loading && !list.data && <Loading />}
      {list.data && items.length === 0 && <Empty text={t('common.nothing')} />}
      {items.length > 0 && (
        <table className="table table-compact" aria-label={t('cal.scorecards')}>
          <thead>
            <tr>
              <th scope="col">
                <span className="sr-only">{t('cal.col.pick')}</span>
              </th>
              <th scope="col">{t('col.conversation')}</th>
              <th scope="col">{t('col.agent')}</th>
              <th scope="col">{t('col.team')}</th>
              <th scope="col">{t('col.score')}</th>
              <th scope="col">{t('col.started')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((s) => (
              <tr key={s.id} data-scorecard={s.id}>
                <td>
                  <input type="checkbox" checked={picked.has(s.id)} onChange={() => onToggle(s)} aria-label={t('cal.pick', { name: cardName(s) })} />
                </td>
                <td>{cardName(s)}</td>
                <td>{s.scorecard.agents?.map((a) => a.agent_id).join(', ')}</td>
                <td>{s.team}</td>
                <td>
                  <ScoreBadge score={s.scorecard.score} critical={s.scorecard.critical_failed} />
                </td>
                <td>{dateTime(s.started_at, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager offset={offset} page={PAGE} total={total} onOffset={setOffset} />
    </section>
  );
}
