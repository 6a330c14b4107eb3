import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { api } from '../api/client';
import { Empty, ErrorBox, Loading } from '../components/Status';
import { useI18n } from '../i18n';
import { dateTime } from '../lib/time';
import { useAsync } from '../lib/useAsync';

export function ChecklistsPage() {
  const { t, lang } = useI18n();
  const list = useAsync(() => api.checklists(), []);
  const nav = useNavigate();
  const [path, setPath] = useState('');
  const valid = /^(settings\.yaml|[a-z]{2}\/[a-z0-9_-]+\.yaml)$/.test(path.trim());
  const open = (e: FormEvent) => {
    e.preventDefault();
    if (valid) nav(`/checklists/edit/${path.trim()}`);
  };
  return (
    <div className="page">
      <h1>{t('checklist.listTitle')}</h1>
      <p className="muted">{t('checklist.intro')}</p>
      <form className="card inline-form" onSubmit={open}>
        <div className="field">
          <label htmlFor="checklist-path">{t('checklist.openPath')}</label>
          <input id="checklist-path" value={path} placeholder="ru/core.yaml" aria-invalid={path !== '' && !valid} onChange={(e) => setPath(e.target.value)} />
        </div>
        <button type="submit" className="btn" disabled={!valid}>
          {t('checklist.open')}
        </button>
      </form>
      <ErrorBox error={list.error} />
      {list.loading && !list.data && <Loading />}
      {list.data && list.data.length === 0 && <Empty text={t('common.nothing')} />}
      {list.data && list.data.length > 0 && (
        <table className="table" aria-label={t('checklist.listTitle')}>
          <thead>
            <tr>
              <th scope="col">{t('checklist.path')}</th>
              <th scope="col">{t('rubric.version')}</th>
              <th scope="col">{t('rubric.publishedAt')}</th>
            </tr>
          </thead>
          <tbody>
            {[...list.data]
              .sort((a, b) => a.path.localeCompare(b.path))
              .map((c) => (
                <tr key={c.path}>
                  <td>
                    <Link to={`/checklists/edit/${c.path}`}>{c.path}</Link>
                  </td>
                  <td>v{c.version}</td>
                  <td>{dateTime(c.published_at, lang)}</td>
                </tr>
              ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
