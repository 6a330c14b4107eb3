// Calibration sessions: the ones the reviewer created or is invited to (an administrator sees
// all), whether each is still blind or revealed, the reviewer's own part and everyone's progress.

import { Link } from 'react-router';
import { api } from '../api/client';
import { useAuth } from '../auth';
import { Empty, ErrorBox, Loading } from '../components/Status';
import { useI18n } from '../i18n';
import { myPart, reviewersDone } from '../lib/calibration';
import { dateTime } from '../lib/time';
import { useAsync } from '../lib/useAsync';

export function CalibrationsPage() {
  const { t, lang } = useI18n();
  const { user } = useAuth();
  const d = useAsync(async () => {
    const [list, people] = await Promise.all([api.calibrations(), api.directory().catch(() => [])]);
    return { list, names: new Map(people.map((p) => [p.id, p.name])) };
  }, []);
  const name = (id: number) => d.data?.names.get(id) ?? `#${id}`;

  return (
    <div className="page">
      <div className="page-head">
        <h1>{t('cal.title')}</h1>
        <Link className="btn btn-primary" to="/calibrations/new">
          {t('cal.new')}
        </Link>
      </div>
      <p className="muted">{t('cal.intro')}</p>
      <ErrorBox error={d.error} />
      {d.loading && !d.data && <Loading />}
      {d.data && d.data.list.length === 0 && <Empty text={t('cal.empty')} />}
      {d.data && d.data.list.length > 0 && (
        <table className="table" aria-label={t('cal.title')}>
          <thead>
            <tr>
              <th scope="col">{t('cal.col.name')}</th>
              <th scope="col">{t('cal.col.status')}</th>
              <th scope="col">{t('cal.col.mine')}</th>
              <th scope="col">{t('cal.col.progress')}</th>
              <th scope="col">{t('cal.col.scorecards')}</th>
              <th scope="col">{t('cal.col.reviewers')}</th>
              <th scope="col">{t('cal.col.createdBy')}</th>
            </tr>
          </thead>
          <tbody>
            {d.data.list.map((s) => {
              const mine = myPart(s, user!.id);
              return (
                <tr key={s.id} data-calibration={s.id}>
                  <td>
                    <Link to={`/calibrations/${s.id}`}>{s.name}</Link>
                  </td>
                  <td>
                    <span className={`badge ${s.revealed_at ? '' : 'badge-review'}`}>{s.revealed_at ? t('cal.status.revealed') : t('cal.status.open')}</span>
                  </td>
                  <td data-testid="my-part">
                    {!mine.invited
                      ? t('cal.mine.none')
                      : mine.done
                        ? t('cal.mine.done', { n: mine.submitted, total: mine.total })
                        : t('cal.mine.todo', { n: mine.submitted, total: mine.total })}
                  </td>
                  <td>{t('cal.progress', { done: reviewersDone(s), total: s.reviewer_ids.length })}</td>
                  <td>{s.scorecard_ids.length}</td>
                  <td>{s.reviewer_ids.map(name).join(', ')}</td>
                  <td>
                    {name(s.created_by)} <span className="muted small">{dateTime(s.created_at, lang)}</span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}
