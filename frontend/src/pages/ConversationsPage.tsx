import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api/client';
import type { Filter } from '../api/types';
import { FilterBar } from '../components/FilterBar';
import { Empty, ErrorBox, Loading } from '../components/Status';
import { useI18n } from '../i18n';
import { dateTime } from '../lib/time';
import { useAsync } from '../lib/useAsync';
import { Pager } from '../components/Pager';

const PAGE = 50;

export function ConversationsPage() {
  const { t, lang } = useI18n();
  const [filter, setFilter] = useState<Filter>({});
  const [offset, setOffset] = useState(0);
  const list = useAsync(() => api.conversations({ ...filter, limit: PAGE, offset }), [JSON.stringify(filter), offset]);
  const items = list.data?.items ?? [];
  const total = list.data?.total ?? 0;
  return (
    <div className="page">
      <h1>{t('conversations.title')}</h1>
      <FilterBar
        value={filter}
        onChange={(f) => {
          setOffset(0);
          setFilter(f);
        }}
        fields={['team', 'agent', 'channel', 'language', 'from', 'to']}
      />
      <ErrorBox error={list.error} />
      {list.loading && !list.data && <Loading />}
      {list.data && items.length === 0 && <Empty text={t('common.nothing')} />}
      {items.length > 0 && (
        <table className="table" aria-label={t('conversations.title')}>
          <thead>
            <tr>
              <th scope="col">{t('col.conversation')}</th>
              <th scope="col">{t('col.started')}</th>
              <th scope="col">{t('col.channel')}</th>
              <th scope="col">{t('col.language')}</th>
              <th scope="col">{t('col.team')}</th>
              <th scope="col">{t('col.agent')}</th>
              <th scope="col">{t('col.turns')}</th>
              <th scope="col">CSAT</th>
            </tr>
          </thead>
          <tbody>
            {items.map((s) => (
              <tr key={s.key}>
                <td>
                  <Link to={`/conversations/${s.key}`}>{s.conversation.id}</Link> <span className="muted small">{s.source}</span>
                </td>
                <td>{dateTime(s.conversation.started_at ?? s.conversation.turns?.[0]?.at, lang)}</td>
                <td>{t(`channel.${s.conversation.channel}`)}</td>
                <td>{s.conversation.language}</td>
                <td>{s.team}</td>
                <td>{s.conversation.agents?.map((a) => a.name || a.id).join(', ')}</td>
                <td>{s.conversation.turns?.length}</td>
                <td>{s.conversation.outcome?.csat ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager offset={offset} page={PAGE} total={total} onOffset={setOffset} />
    </div>
  );
}
