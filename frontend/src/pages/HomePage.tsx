// The home page says what the signed-in person has to do today, by role: a reviewer's queue, a
// lead's open disputes and team scores, an agent's score and coaching notes, a trainer's rubrics.

import { Link } from 'react-router';
import { api } from '../api/client';
import type { User } from '../api/types';
import { can, useAuth } from '../auth';
import { ScoreBadge } from '../components/Outcome';
import { Loading } from '../components/Status';
import { useI18n } from '../i18n';
import { dateTime, weeksAgo } from '../lib/time';
import { useAsync } from '../lib/useAsync';

const since = () => `${weeksAgo(4).toISOString().slice(0, 10)}T00:00:00Z`;

export function HomePage() {
  const { user } = useAuth();
  const { t } = useI18n();
  const u = user!;
  return (
    <div className="page">
      <h1>{t('home.hello', { name: u.name })}</h1>
      <p className="muted">{t(`home.intro.${u.role}`)}</p>
      <div className="home-grid">
        {can.review(u.role) && <ReviewerCard />}
        {can.lead(u.role) && <LeadCard user={u} />}
        {u.role === 'agent' && <AgentCard user={u} />}
        {can.rubrics(u.role) && <TrainerCard />}
        {can.users(u.role) && <AdminCard />}
      </div>
    </div>
  );
}

function ReviewerCard() {
  const { t } = useI18n();
  const q = useAsync(() => api.queue(), []);
  const open = (q.data ?? []).filter((a) => !a.done_at);
  return (
    <section className="card home-card" aria-labelledby="h-queue">
      <h2 id="h-queue">{t('home.queue')}</h2>
      {q.loading ? <Loading /> : <p className="big-number">{open.length}</p>}
      <p className="muted">{t('home.queueOpen')}</p>
      <div className="actions">
        {open[0] && (
          <Link className="btn btn-primary" to={`/scorecards/${open[0].scorecard_id}`}>
            {t('queue.start')}
          </Link>
        )}
        <Link className="btn" to="/queue">
          {t('home.toQueue')}
        </Link>
      </div>
    </section>
  );
}

function LeadCard({ user }: { user: User }) {
  const { t } = useI18n();
  const d = useAsync(async () => {
    const [teams, disputes] = await Promise.all([api.teamStats({ from: since() }), api.disputes({ status: 'open' }).catch(() => [])]);
    return { teams, open: disputes.filter((x) => x.status === 'open') };
  }, []);
  const teams = (d.data?.teams ?? []).filter((x) => !user.teams?.length || user.teams.includes(x.team ?? ''));
  return (
    <>
      <section className="card home-card" aria-labelledby="h-disputes">
        <h2 id="h-disputes">{t('home.openDisputes')}</h2>
        {d.loading ? <Loading /> : <p className="big-number">{d.data?.open.length ?? 0}</p>}
        <Link className="btn" to="/disputes">
          {t('home.toDisputes')}
        </Link>
      </section>
      <section className="card home-card" aria-labelledby="h-teams">
        <h2 id="h-teams">{t('home.teams')}</h2>
        <ul className="cardlist">
          {teams.map((x) => (
            <li key={x.team}>
              <strong>{x.team}</strong> <ScoreBadge score={x.mean_score} /> <span className="muted small">{t('home.teamLine', { n: x.conversations, c: x.critical_failed })}</span>
            </li>
          ))}
        </ul>
        <Link className="btn" to="/dashboard">
          {t('home.toDashboard')}
        </Link>
      </section>
    </>
  );
}

function AgentCard({ user }: { user: User }) {
  const { t, lang } = useI18n();
  const agent = user.agent_id ?? '';
  const d = useAsync(async () => {
    const [stats, notes, disputes] = await Promise.all([
      api.agentStats({ agent, from: since() }),
      api.coaching(agent).catch(() => []),
      api.disputes({ agent }).catch(() => []),
    ]);
    return { stats: stats.find((s) => s.agent_id === agent) ?? stats[0], notes, disputes };
  }, [agent]);
  const unacked = (d.data?.notes ?? []).filter((n) => !n.acknowledged_at);
  return (
    <>
      <section className="card home-card" aria-labelledby="h-myscore">
        <h2 id="h-myscore">{t('home.myScore')}</h2>
        {d.loading ? <Loading /> : <p className="big-number">{d.data?.stats ? <ScoreBadge score={d.data.stats.mean_score} /> : '—'}</p>}
        <p className="muted">{t('home.myScoreSub', { n: d.data?.stats?.conversations ?? 0 })}</p>
        <Link className="btn btn-primary" to={`/agents/${encodeURIComponent(agent)}`}>
          {t('home.toMyScorecard')}
        </Link>
      </section>
      <section className="card home-card" aria-labelledby="h-coaching">
        <h2 id="h-coaching">{t('coaching.title')}</h2>
        {unacked.length === 0 ? (
          <p className="muted">{t('home.noNewNotes')}</p>
        ) : (
          <ul className="cardlist">
            {unacked.slice(0, 3).map((n) => (
              <li key={n.id}>
                {n.text} <span className="muted small">{dateTime(n.created_at, lang)}</span>
              </li>
            ))}
          </ul>
        )}
        <p className="muted small">{t('home.myDisputes', { open: (d.data?.disputes ?? []).filter((x) => x.status === 'open').length })}</p>
      </section>
    </>
  );
}

function TrainerCard() {
  const { t, lang } = useI18n();
  const d = useAsync(() => api.rubrics(), []);
  return (
    <section className="card home-card" aria-labelledby="h-rubrics">
      <h2 id="h-rubrics">{t('home.rubrics')}</h2>
      {d.loading && <Loading />}
      <ul className="cardlist">
        {(d.data ?? []).map((r) => (
          <li key={r.rubric_id}>
            <Link to={`/rubrics/${encodeURIComponent(r.rubric_id)}`}>{r.rubric_id}</Link> v{r.version} <span className="muted small">{dateTime(r.published_at, lang)}</span>
          </li>
        ))}
      </ul>
      <Link className="btn" to="/checklists">
        {t('nav.checklists')}
      </Link>
    </section>
  );
}

function AdminCard() {
  const { t } = useI18n();
  const d = useAsync(() => api.users(), []);
  return (
    <section className="card home-card" aria-labelledby="h-users">
      <h2 id="h-users">{t('nav.users')}</h2>
      {d.loading ? <Loading /> : <p className="big-number">{d.data?.length ?? 0}</p>}
      <Link className="btn" to="/users">
        {t('home.toUsers')}
      </Link>
    </section>
  );
}
