// The frame of every signed-in page: a navigation bar with the links the user's role may use,
// the language switcher and the sign-out button.

import { NavLink, Outlet } from 'react-router';
import { can, useAuth } from '../auth';
import { useI18n } from '../i18n';
import { LanguageSwitcher } from './LanguageSwitcher';

export function Layout() {
  const { user, logout } = useAuth();
  const { t } = useI18n();
  if (!user) return null;
  const r = user.role;
  const links: { to: string; label: string; show: boolean }[] = [
    { to: '/', label: t('nav.home'), show: true },
    { to: '/queue', label: t('nav.queue'), show: can.review(r) },
    { to: '/calibrations', label: t('nav.calibration'), show: can.review(r) },
    { to: '/conversations', label: t('nav.conversations'), show: can.conversations(r) },
    { to: user.agent_id ? `/agents/${encodeURIComponent(user.agent_id)}` : '/agents', label: t('nav.myScorecard'), show: r === 'agent' },
    { to: '/agents', label: t('nav.agents'), show: can.agents(r) },
    { to: '/dashboard', label: t('nav.dashboard'), show: can.dashboard(r) },
    { to: '/disputes', label: t('nav.disputes'), show: can.disputes(r) },
    { to: '/rubrics', label: t('nav.rubrics'), show: can.rubrics(r) },
    { to: '/checklists', label: t('nav.checklists'), show: can.rubrics(r) },
    { to: '/users', label: t('nav.users'), show: can.users(r) },
  ];
  return (
    <div className="app">
      <header className="topbar">
        <a className="brand" href="/">
          {t('app.name')}
        </a>
        <nav aria-label={t('nav.main')}>
          <ul className="nav">
            {links
              .filter((l) => l.show)
              .map((l) => (
                <li key={l.to + l.label}>
                  <NavLink to={l.to} end={l.to === '/'}>
                    {l.label}
                  </NavLink>
                </li>
              ))}
          </ul>
        </nav>
        <div className="topbar-right">
          <LanguageSwitcher />
          <span className="whoami" title={user.email}>
            {user.name} · {t(`role.${r}`)}
          </span>
          <button type="button" className="btn btn-ghost" onClick={() => void logout()}>
            {t('auth.signOut')}
          </button>
        </div>
      </header>
      <main className="content" id="main">
        <Outlet />
      </main>
    </div>
  );
}
