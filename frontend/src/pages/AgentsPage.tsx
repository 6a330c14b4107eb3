import { useState } from 'react';
import { api } from '../api/client';
import type { Filter } from '../api/types';
import { FilterBar } from '../components/FilterBar';
import { Empty, ErrorBox, Loading } from '../components/Status';
import { useI18n } from '../i18n';
import { weeksAgo } from '../lib/time';
import { useAsync } from '../lib/useAsync';
import { AgentTable } from './DashboardPage';

export function AgentsPage() {
  const { t } = useI18n();
  const [filter, setFilter] = useState<Filter>({ from: `${weeksAgo(4).toISOString().slice(0, 10)}T00:00:00Z` });
  const d = useAsync(() => api.agentStats(filter), [JSON.stringify(filter)]);
  return (
    <div className="page">
      <h1>{t('agents.title')}</h1>
      <FilterBar value={filter} onChange={setFilter} fields={['team', 'channel', 'language', 'from', 'to']} />
      <ErrorBox error={d.error} />
      {d.loading && !d.data && <Loading />}
      {d.data && (d.data.length ? <AgentTable rows={d.data} /> : <Empty text={t('common.nothing')} />)}
    </div>
  );
}
