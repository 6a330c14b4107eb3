import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { ROLES, type Role } from '../api/types';
import { Empty, ErrorBox, Loading } from '../components/Status';
import { useI18n } from '../i18n';
import { dateOnly } from '../lib/time';
import { useAsync } from '../lib/useAsync';

export function UsersPage() {
  const { t, lang } = useI18n();
  const users = useAsync(() => api.users(), []);
  const [form, setForm] = useState({ email: '', name: '', role: 'agent' as Role, password: '', agent_id: '', teams: '' });
  const [msg, setMsg] = useState('');
  const set = (k: keyof typeof form, v: string) => setForm({ ...form, [k]: v });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setMsg('');
    try {
      const created = await api.createUser({
        email: form.email.trim(),
        name: form.name.trim(),
        role: form.role,
        ...(form.password ? { password: form.password } : {}),
        ...(form.agent_id.trim() ? { agent_id: form.agent_id.trim() } : {}),
        teams: form.teams.split(',').map((x) => x.trim()).filter(Boolean),
      });
      setMsg(created.password ? t('users.createdWithPassword', { password: created.password }) : t('users.created'));
      setForm({ ...form, email: '', name: '', password: '', agent_id: '' });
      users.reload();
    } catch (err) {
      setMsg(`${t('common.error')}: ${(err as Error).message}`);
    }
  };
  return (
    <div className="page">
      <h1>{t('users.title')}</h1>
      <div className="grid-2 grid-wide-left">
        <section className="card">
          <ErrorBox error={users.error} />
          {users.loading && !users.data && <Loading />}
          {users.data && users.data.length === 0 && <Empty text={t('common.nothing')} />}
          {users.data && users.data.length > 0 && (
            <table className="table" aria-label={t('users.title')}>
              <thead>
                <tr>
                  <th scope="col">{t('users.name')}</th>
                  <th scope="col">{t('auth.email')}</th>
                  <th scope="col">{t('users.role')}</th>
                  <th scope="col">{t('users.agentId')}</th>
                  <th scope="col">{t('users.teams')}</th>
                  <th scope="col">{t('users.created_at')}</th>
                </tr>
              </thead>
              <tbody>
                {users.data.map((u) => (
                  <tr key={u.id}>
                    <td>{u.name}</td>
                    <td>{u.email}</td>
                    <td>{t(`role.${u.role}`)}</td>
                    <td>{u.agent_id}</td>
                    <td>{u.teams?.join(', ')}</td>
                    <td>{dateOnly(u.created_at, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        <form className="card" onSubmit={submit} aria-labelledby="new-user-h">
          <h2 id="new-user-h">{t('users.new')}</h2>
          <div className="field">
            <label htmlFor="u-name">{t('users.name')}</label>
            <input id="u-name" required value={form.name} onChange={(e) => set('name', e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="u-email">{t('auth.email')}</label>
            <input id="u-email" type="email" required value={form.email} onChange={(e) => set('email', e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="u-role">{t('users.role')}</label>
            <select id="u-role" value={form.role} onChange={(e) => set('role', e.target.value)}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`role.${r}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="u-agent">{t('users.agentId')}</label>
            <input id="u-agent" value={form.agent_id} onChange={(e) => set('agent_id', e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="u-teams">{t('users.teamsHint')}</label>
            <input id="u-teams" value={form.teams} onChange={(e) => set('teams', e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="u-password">{t('auth.password')}</label>
            <input
              id="u-password"
              type="password"
              minLength={10}
              autoComplete="new-password"
              aria-describedby="u-password-hint"
              value={form.password}
              onChange={(e) => set('password', e.target.value)}
            />
            <span id="u-password-hint" className="muted small">
              {t('users.passwordHint')}
            </span>
          </div>
          <button type="submit" className="btn btn-primary">
            {t('users.create')}
          </button>
          {msg && (
            <p role="status" className="muted">
              {msg}
            </p>
          )}
        </form>
      </div>
    </div>
  );
}
