import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { parse } from 'yaml';
import { api } from '../api/client';
import { Empty, ErrorBox, Loading } from '../components/Status';
import { useI18n } from '../i18n';
import { dateTime } from '../lib/time';
import { useAsync } from '../lib/useAsync';

function rubricName(yaml: string): string {
  try {
    const v = parse(yaml) as { name?: unknown };
    return typeof v?.name === 'string' ? v.name : '';
  } catch {
    return '';
  }
}

export function RubricsPage() {
  const { t, lang } = useI18n();
  const nav = useNavigate();
  const list = useAsync(() => api.rubrics(), []);
  const [newId, setNewId] = useState('');
  const create = (e: FormEvent) => {
    e.preventDefault();
    const id = newId.trim();
    if (/^[a-z0-9][a-z0-9_-]*$/.test(id)) nav(`/rubrics/${id}?new=1`);
  };
  return (
    <div className="page">
      <h1>{t('rubric.listTitle')}</h1>
      <ErrorBox error={list.error} />
      {list.loading && !list.data && <Loading />}
      {list.data && list.data.length === 0 && <Empty text={t('common.nothing')} />}
      {list.data && list.data.length > 0 && (
        <table className="table" aria-label={t('rubric.listTitle')}>
          <thead>
            <tr>
              <th scope="col">{t('rubric.id')}</th>
              <th scope="col">{t('rubric.name')}</th>
              <th scope="col">{t('rubric.version')}</th>
              <th scope="col">{t('rubric.publishedAt')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((r) => (
              <tr key={r.rubric_id}>
                <td>
                  <Link to={`/rubrics/${encodeURIComponent(r.rubric_id)}`}>{r.rubric_id}</Link>
                </td>
                <td>{rubricName(r.yaml)}</td>
                <td>v{r.version}</td>
                <td>{dateTime(r.published_at, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form className="card inline-form" onSubmit={create}>
        <div className="field">
          <label htmlFor="new-rubric">{t('rubric.newId')}</label>
          <input id="new-rubric" value={newId} pattern="[a-z0-9][a-z0-9_\-]*" onChange={(e) => setNewId(e.target.value)} placeholder="chat-ru" />
        </div>
        <button type="submit" className="btn">
          {t('rubric.create')}
        </button>
      </form>
    </div>
  );
}
