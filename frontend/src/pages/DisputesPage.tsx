// Disputes: an agent sees their own and how they were resolved; a team lead resolves the open
// ones of their teams (accept or reject, with a resolution).

import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api/client';
import type { Dispute } from '../api/types';
import { can, useAuth } from '../auth';
import { DisputeStatus, ResolveDispute } from '../components/DisputeControls';
import { Empty, ErrorBox, Loading } from '../components/Status';
import { itemLabel, useI18n } from '../i18n';
import { dateTime } from '../lib/time';
import { useAsync } from '../lib/useAsync';

const STATUSES = ['open', 'accepted', 'rejected', ''] as const;

async function load(status: string) {
  const list = await api.disputes(status ? { status } : {});
  const ids = [...new Set(list.map((d) => d.review_id))];
  const reviews = await Promise.all(ids.map((id) => api.review(id).catch(() => null)));
  const scorecardOf = new Map<number, number>();
  reviews.forEach((r, i) => r && scorecardOf.set(ids[i], r.scorecard_id));
  return { list: status ? list.filter((d) => d.status === status) : list, scorecardOf };
}

export function DisputesPage() {
  const { t, lang } = useI18n();
  const { user } = useAuth();
  const [status, setStatus] = useState<string>('open');
  const d = useAsync(() => load(status), [status]);
  const [changed, setChanged] = useState<Record<number, Dispute>>({});
  const list = (d.data?.list ?? []).map((x) => changed[x.id] ?? x);

  return (
    <div className="page">
      <div className="page-head">
        <h1>{t('dispute.title')}</h1>
        <div className="field field-inline">
          <label htmlFor="dispute-status">{t('dispute.show')}</label>
          <select id="dispute-status" value={status} onChange={(e) => setStatus(e.target.value)}>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {s ? t(`dispute.status.${s}`) : t('filter.all')}
              </option>
            ))}
          </select>
        </div>
      </div>
      <ErrorBox error={d.error} />
      {d.loading && !d.data && <Loading />}
      {d.data && list.length === 0 && <Empty text={t('dispute.none')} />}
      <ul className="dispute-list">
        {list.map((x) => {
          const sc = d.data?.scorecardOf.get(x.review_id);
          return (
            <li key={x.id} className="card" data-dispute={x.id}>
              <div className="card-head">
                <strong>
                  {itemLabel(t, x.item_id)} · {x.agent_id}
                </strong>
                <span className="muted small">{dateTime(x.created_at, lang)}</span>
              </div>
              <DisputeStatus d={x} />
              {sc !== undefined && (
                <p className="small">
                  <Link to={`/scorecards/${sc}`}>{t('dispute.openConversation')}</Link>
                </p>
              )}
              {x.status === 'open' && can.lead(user!.role) && <ResolveDispute dispute={x} onDone={(nd) => setChanged({ ...changed, [x.id]: nd })} />}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
