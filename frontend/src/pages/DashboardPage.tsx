// The team dashboard: teams and their agents side by side over a period, with filters and CSV
// export of both tables.

import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api/client';
import type { AgentStats, Filter } from '../api/types';
import { useAuth } from '../auth';
import { MeanBarChart } from '../components/Charts';
import { FilterBar } from '../components/FilterBar';
import { ScoreBadge } from '../components/Outcome';
import { Empty, ErrorBox, Loading } from '../components/Status';
import { itemLabel, useI18n } from '../i18n';
import { downloadCSV } from '../lib/csv';
import { agentsCSV, csvFilename, teamsCSV } from '../lib/export';
import { weeksAgo } from '../lib/time';
import { useAsync } from '../lib/useAsync';

export function DashboardPage() {
  const { t } = useI18n();
  const { user } = useAuth();
  const [filter, setFilter] = useState<Filter>({ from: `${weeksAgo(8).toISOString().slice(0, 10)}T00:00:00Z` });
  const d = useAsync(async () => {
    const [teams, agents, rubrics] = await Promise.all([api.teamStats(filter), api.agentStats(filter), api.rubrics().catch(() => [])]);
    return { teams, agents, rubrics };
  }, [JSON.stringify(filter)]);
  const teams = d.data?.teams ?? [];
  const agents = d.data?.agents ?? [];
  const teamNames = [...new Set([...(user?.teams ?? []), ...teams.map((x) => x.team ?? '').filter(Boolean)])].sort();

  return (
    <div className="page">
      <div className="page-head">
        <h1>{t('dashboard.title')}</h1>
      </div>
      <FilterBar value={filter} onChange={setFilter} teams={teamNames} rubrics={(d.data?.rubrics ?? []).map((r) => r.rubric_id)} />
      <ErrorBox error={d.error} />
      {d.loading && !d.data && <Loading />}
      <div className="grid-2">
        <section className="card" aria-labelledby="teams-h">
          <div className="card-head">
            <h2 id="teams-h">{t('dashboard.teams')}</h2>
            <button type="button" className="btn btn-small" disabled={!teams.length} onClick={() => downloadCSV(csvFilename('teams'), teamsCSV(teams))}>
              {t('dashboard.exportTeams')}
            </button>
          </div>
          {teams.length === 0 && !d.loading ? <Empty text={t('common.nothing')} /> : <TeamTable rows={teams} onPick={(team) => setFilter({ ...filter, team })} />}
          {teams.length > 0 && (
            <MeanBarChart label={t('dashboard.teamChart')} nameKey="team" valueName={t('kpi.meanScore')} rows={teams.map((x) => ({ name: x.team ?? '', value: x.mean_score }))} />
          )}
        </section>
        <section className="card" aria-labelledby="agents-h">
          <div className="card-head">
            <h2 id="agents-h">{filter.team ? t('dashboard.agentsOf', { team: filter.team }) : t('dashboard.agents')}</h2>
            <button type="button" className="btn btn-small" disabled={!agents.length} onClick={() => downloadCSV(csvFilename('agents'), agentsCSV(agents))}>
              {t('dashboard.exportAgents')}
            </button>
          </div>
          {agents.length === 0 && !d.loading ? <Empty text={t('common.nothing')} /> : <AgentTable rows={agents} />}
        </section>
      </div>
    </div>
  );
}

function TeamTable({ rows, onPick }: { rows: AgentStats[]; onPick: (team: string) => void }) {
  const { t } = useI18n();
  return (
    <table className="table" aria-label={t('dashboard.teams')}>
      <thead>
        <tr>
          <th scope="col">{t('col.team')}</th>
          <th scope="col">{t('kpi.conversations')}</th>
          <th scope="col">{t('kpi.meanScore')}</th>
          <th scope="col">{t('kpi.criticalFails')}</th>
          <th scope="col">{t('kpi.needsReview')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.team}>
            <td>
              <button type="button" className="btn-link" onClick={() => onPick(r.team ?? '')} aria-label={t('dashboard.showTeam', { team: r.team ?? '' })}>
                {r.team}
              </button>
            </td>
            <td>{r.conversations}</td>
            <td>
              <ScoreBadge score={r.mean_score} />
            </td>
            <td>{r.critical_failed}</td>
            <td>{r.needs_review}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function AgentTable({ rows }: { rows: AgentStats[] }) {
  const { t } = useI18n();
  return (
    <table className="table" aria-label={t('dashboard.agents')}>
      <thead>
        <tr>
          <th scope="col">{t('col.agent')}</th>
          <th scope="col">{t('col.team')}</th>
          <th scope="col">{t('kpi.conversations')}</th>
          <th scope="col">{t('kpi.meanScore')}</th>
          <th scope="col">{t('kpi.criticalFails')}</th>
          <th scope="col">{t('kpi.needsReview')}</th>
          <th scope="col">{t('agent.worstItem')}</th>
        </tr>
      </thead>
      <tbody>
        {[...rows]
          .sort((a, b) => a.mean_score - b.mean_score)
          .map((r) => (
            <tr key={`${r.team}/${r.agent_id}`}>
              <td>
                <Link to={`/agents/${encodeURIComponent(r.agent_id ?? '')}`}>{r.agent_id}</Link>
              </td>
              <td>{r.team}</td>
              <td>{r.conversations}</td>
              <td>
                <ScoreBadge score={r.mean_score} />
              </td>
              <td>{r.critical_failed}</td>
              <td>{r.needs_review}</td>
              <td>{r.worst_items?.[0] ? `${itemLabel(t, r.worst_items[0].item_id)} (${Math.round(r.worst_items[0].pass_rate * 100)}%)` : ''}</td>
            </tr>
          ))}
      </tbody>
    </table>
  );
}
