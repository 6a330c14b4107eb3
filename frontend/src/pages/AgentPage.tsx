// An agent's scorecards, for the agent and their team lead: score trend by week against the team,
// item pass rates against the team, the worst items with example conversations, critical fails,
// coaching notes (the lead writes, the agent acknowledges) and disputes.

import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../api/client';
import type { AgentStats, CoachingNote, Filter, StoredScorecard } from '../api/types';
import { can, useAuth } from '../auth';
import { TrendChart, RateBar } from '../components/Charts';
import { CoachingForm } from '../components/CoachingForm';
import { DisputeStatus } from '../components/DisputeControls';
import { FilterBar } from '../components/FilterBar';
import { ScoreBadge } from '../components/Outcome';
import { Empty, ErrorBox, Loading } from '../components/Status';
import { itemLabel, useI18n } from '../i18n';
import { dateOnly, dateTime, weeksAgo } from '../lib/time';
import { useAsync } from '../lib/useAsync';

async function loadAgent(agent: string, f: Filter) {
  const [stats, cards, notes, disputes, rubrics] = await Promise.all([
    api.agentStats({ ...f, agent }),
    api.scorecards({ ...f, agent, limit: 500 }),
    api.coaching(agent).catch(() => [] as CoachingNote[]),
    api.disputes({ agent }).catch(() => []),
    api.rubrics().catch(() => []),
  ]);
  const mine = stats.find((s) => s.agent_id === agent) ?? stats[0];
  const team = mine?.team ?? cards.items[0]?.team;
  const teamStats: AgentStats | undefined = team ? (await api.teamStats({ ...f, team }).catch(() => [] as AgentStats[])).find((s) => s.team === team) : undefined;
  return {
    stats: mine,
    teamStats,
    cards: cards.items,
    notes,
    disputes: disputes.filter((d) => d.agent_id === agent),
    rubrics: rubrics.map((r) => r.rubric_id),
  };
}

export function AgentPage() {
  const { agentId = '' } = useParams();
  const { user } = useAuth();
  const { t, lang } = useI18n();
  const [filter, setFilter] = useState<Filter>({ from: `${weeksAgo(12).toISOString().slice(0, 10)}T00:00:00Z` });
  const d = useAsync(() => loadAgent(agentId, filter), [agentId, JSON.stringify(filter)]);
  const [notes, setNotes] = useState<CoachingNote[] | null>(null);
  const shownNotes = notes ?? d.data?.notes ?? [];

  if (d.loading && !d.data) return <Loading />;
  const s = d.data?.stats;
  const team = d.data?.teamStats;
  const cards = d.data?.cards ?? [];
  const isMe = user!.role === 'agent' && user!.agent_id === agentId;

  const ack = async (n: CoachingNote) => {
    const updated = await api.ackCoaching(n.id).catch(() => null);
    const acked = updated && typeof updated === 'object' && 'id' in updated ? updated : { ...n, acknowledged_at: new Date().toISOString() };
    setNotes(shownNotes.map((x) => (x.id === n.id ? acked : x)));
  };

  return (
    <div className="page">
      <div className="page-head">
        <h1>{isMe ? t('agent.myTitle') : t('agent.title', { agent: agentId })}</h1>
        {s?.team && <span className="muted">{t('agent.team', { team: s.team })}</span>}
      </div>
      <FilterBar value={filter} onChange={setFilter} fields={['channel', 'language', 'rubric', 'from', 'to']} rubrics={d.data?.rubrics} />
      <ErrorBox error={d.error} />
      {!s && !d.loading && <Empty text={t('agent.noData')} />}
      {s && (
        <>
          <div className="kpis">
            <Kpi label={t('kpi.conversations')} value={String(s.conversations)} />
            <Kpi label={t('kpi.meanScore')} value={s.mean_score.toFixed(1)} sub={team ? t('kpi.teamMean', { value: team.mean_score.toFixed(1) }) : undefined} testId="agent-mean" raw={s.mean_score} />
            <Kpi label={t('kpi.criticalFails')} value={String(s.critical_failed)} bad={s.critical_failed > 0} />
            <Kpi label={t('kpi.needsReview')} value={String(s.needs_review)} />
          </div>
          <div className="grid-2">
            <section className="card">
              <h2>{t('agent.trend')}</h2>
              <TrendChart
                label={t('agent.trend')}
                series={[
                  { name: agentId, points: s.trend ?? [], color: '#2563eb' },
                  ...(team ? [{ name: t('agent.teamSeries', { team: team.team ?? '' }), points: team.trend ?? [], color: '#9ca3af' }] : []),
                ]}
              />
            </section>
            <section className="card">
              <h2>{t('agent.worstItems')}</h2>
              <WorstItems stats={s} cards={cards} />
            </section>
          </div>
          <div className="grid-2">
            <section className="card">
              <h2>{t('agent.passRates')}</h2>
              <table className="table table-compact" aria-label={t('agent.passRates')}>
                <thead>
                  <tr>
                    <th scope="col">{t('col.item')}</th>
                    <th scope="col">{agentId}</th>
                    <th scope="col">{t('col.team')}</th>
                  </tr>
                </thead>
                <tbody>
                  {Object.keys(s.item_pass_rate ?? {})
                    .sort()
                    .map((id) => (
                      <tr key={id} data-item={id} data-rate={s.item_pass_rate?.[id]}>
                        <td>{itemLabel(t, id)}</td>
                        <td>
                          <RateBar rate={s.item_pass_rate?.[id]} kind="agent" />
                        </td>
                        <td>
                          <RateBar rate={team?.item_pass_rate?.[id]} kind="team" />
                        </td>
                      </tr>
                    ))}
                </tbody>
              </table>
            </section>
            <section className="card">
              <h2>{t('agent.criticalFails')}</h2>
              <CardList cards={cards.filter((c) => c.scorecard.critical_failed)} lang={lang} empty={t('agent.noCritical')} />
              <h2>{t('agent.recent')}</h2>
              <CardList cards={[...cards].sort((a, b) => b.started_at.localeCompare(a.started_at)).slice(0, 8)} lang={lang} empty={t('common.nothing')} />
            </section>
          </div>
        </>
      )}
      <div className="grid-2">
        <section className="card" aria-labelledby="coaching-h">
          <h2 id="coaching-h">{t('coaching.title')}</h2>
          {shownNotes.length === 0 && <Empty text={t('coaching.none')} />}
          <ul className="notes">
            {shownNotes.map((n) => (
              <li key={n.id} className={n.acknowledged_at ? 'note acked' : 'note'}>
                <p>{n.text}</p>
                <p className="muted small">
                  {dateTime(n.created_at, lang)}
                  {n.scorecard_id ? (
                    <>
                      {' '}
                      · <Link to={`/scorecards/${n.scorecard_id}`}>{t('coaching.aboutConversation')}</Link>
                    </>
                  ) : null}{' '}
                  · {n.acknowledged_at ? t('coaching.acknowledged', { at: dateTime(n.acknowledged_at, lang) }) : t('coaching.notAcknowledged')}
                </p>
                {isMe && !n.acknowledged_at && (
                  <button type="button" className="btn btn-small btn-primary" onClick={() => void ack(n)}>
                    {t('coaching.ack')}
                  </button>
                )}
              </li>
            ))}
          </ul>
          {can.lead(user!.role) && <CoachingForm agentId={agentId} onSaved={(n) => setNotes([n, ...shownNotes])} />}
        </section>
        <section className="card" aria-labelledby="disputes-h">
          <h2 id="disputes-h">{t('dispute.title')}</h2>
          {(d.data?.disputes ?? []).length === 0 && <Empty text={t('dispute.none')} />}
          {(d.data?.disputes ?? []).map((x) => (
            <div key={x.id}>
              <span className="muted small">
                {itemLabel(t, x.item_id)} · {dateTime(x.created_at, lang)}
              </span>
              <DisputeStatus d={x} />
            </div>
          ))}
        </section>
      </div>
    </div>
  );
}

function Kpi({ label, value, sub, bad, testId, raw }: { label: string; value: string; sub?: string; bad?: boolean; testId?: string; raw?: number }) {
  return (
    <div className={`kpi${bad ? ' kpi-bad' : ''}`} data-testid={testId} data-value={raw}>
      <span className="kpi-label">{label}</span>
      <span className="kpi-value">{value}</span>
      {sub && <span className="kpi-sub">{sub}</span>}
    </div>
  );
}

function WorstItems({ stats, cards }: { stats: AgentStats; cards: StoredScorecard[] }) {
  const { t } = useI18n();
  const worst = (stats.worst_items ?? []).filter((w) => w.fail > 0).slice(0, 5);
  if (!worst.length) return <Empty text={t('agent.noFails')} />;
  return (
    <ol className="worst">
      {worst.map((w) => {
        const examples = cards.filter((c) => c.scorecard.items.some((i) => i.id === w.item_id && i.result === 'fail')).slice(0, 3);
        return (
          <li key={w.item_id}>
            <strong>{itemLabel(t, w.item_id)}</strong> — {t('agent.passRate', { pct: Math.round(w.pass_rate * 100), fail: w.fail, total: w.pass + w.fail })}
            {examples.length > 0 && (
              <div className="small">
                {t('agent.examples')}:{' '}
                {examples.map((c) => (
                  <Link key={c.id} to={`/scorecards/${c.id}`} className="example-link">
                    {c.scorecard.conversation_id} <span className="muted">({c.scorecard.rubric.id})</span>
                  </Link>
                ))}
              </div>
            )}
          </li>
        );
      })}
    </ol>
  );
}

function CardList({ cards, lang, empty }: { cards: StoredScorecard[]; lang: string; empty: string }) {
  if (!cards.length) return <Empty text={empty} />;
  return (
    <ul className="cardlist">
      {cards.map((c) => (
        <li key={c.id}>
          <Link to={`/scorecards/${c.id}`}>{c.scorecard.conversation_id}</Link>{' '}
          <span className="muted small">
            {c.scorecard.rubric.id} · {dateOnly(c.started_at, lang)}
          </span>{' '}
          <ScoreBadge score={c.reviewed_score ?? c.scorecard.score} critical={c.scorecard.critical_failed} />
        </li>
      ))}
    </ul>
  );
}
