import { lazy, Suspense, type ReactElement } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import type { Role } from './api/types';
import { AuthProvider, can, useAuth } from './auth';
import { Layout } from './components/Layout';
import { Loading } from './components/Status';
import { I18nProvider, useI18n } from './i18n';
import { HomePage } from './pages/HomePage';
import { LoginPage } from './pages/LoginPage';

// Pages other than sign-in and home load on demand: the charts and the YAML parser stay out of
// the first download.
const AgentPage = lazy(() => import('./pages/AgentPage').then((m) => ({ default: m.AgentPage })));
const AgentsPage = lazy(() => import('./pages/AgentsPage').then((m) => ({ default: m.AgentsPage })));
const CalibrationNewPage = lazy(() => import('./pages/CalibrationNewPage').then((m) => ({ default: m.CalibrationNewPage })));
const CalibrationPage = lazy(() => import('./pages/CalibrationPage').then((m) => ({ default: m.CalibrationPage })));
const CalibrationsPage = lazy(() => import('./pages/CalibrationsPage').then((m) => ({ default: m.CalibrationsPage })));
const ChecklistsPage = lazy(() => import('./pages/ChecklistsPage').then((m) => ({ default: m.ChecklistsPage })));
const ConversationPage = lazy(() => import('./pages/ConversationPage').then((m) => ({ default: m.ConversationPage })));
const ConversationsPage = lazy(() => import('./pages/ConversationsPage').then((m) => ({ default: m.ConversationsPage })));
const DashboardPage = lazy(() => import('./pages/DashboardPage').then((m) => ({ default: m.DashboardPage })));
const DisputesPage = lazy(() => import('./pages/DisputesPage').then((m) => ({ default: m.DisputesPage })));
const QueuePage = lazy(() => import('./pages/QueuePage').then((m) => ({ default: m.QueuePage })));
const RubricEditorPage = lazy(() => import('./pages/RubricEditorPage').then((m) => ({ default: m.RubricEditorPage })));
const RubricsPage = lazy(() => import('./pages/RubricsPage').then((m) => ({ default: m.RubricsPage })));
const UsersPage = lazy(() => import('./pages/UsersPage').then((m) => ({ default: m.UsersPage })));

function RequireUser({ children }: { children: ReactElement }) {
  const { user, loading } = useAuth();
  const loc = useLocation();
  if (loading) return <Loading />;
  if (!user) return <Navigate to="/login" replace state={{ from: loc.pathname + loc.search }} />;
  return children;
}

function Allow({ when, children }: { when: (r: Role) => boolean; children: ReactElement }) {
  const { user } = useAuth();
  const { t } = useI18n();
  if (!user || !when(user.role)) {
    return (
      <div className="alert alert-error" role="alert">
        {t('common.forbidden')}
      </div>
    );
  }
  return children;
}

function LoginRoute() {
  const { user, loading } = useAuth();
  if (loading) return <Loading />;
  return user ? <Navigate to="/" replace /> : <LoginPage />;
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginRoute />} />
      <Route
        element={
          <RequireUser>
            <Layout />
          </RequireUser>
        }
      >
        <Route index element={<HomePage />} />
        <Route path="queue" element={<Allow when={can.review}><QueuePage /></Allow>} />
        <Route path="conversations" element={<Allow when={can.conversations}><ConversationsPage /></Allow>} />
        <Route path="conversations/:key" element={<ConversationPage />} />
        <Route path="scorecards/:id" element={<ConversationPage />} />
        <Route path="calibrations" element={<Allow when={can.review}><CalibrationsPage /></Allow>} />
        <Route path="calibrations/new" element={<Allow when={can.review}><CalibrationNewPage /></Allow>} />
        <Route path="calibrations/:id" element={<Allow when={can.review}><CalibrationPage /></Allow>} />
        <Route path="calibrations/:calibrationId/scorecards/:id" element={<Allow when={can.review}><ConversationPage /></Allow>} />
        <Route path="agents" element={<Allow when={can.agents}><AgentsPage /></Allow>} />
        <Route path="agents/:agentId" element={<AgentPage />} />
        <Route path="dashboard" element={<Allow when={can.dashboard}><DashboardPage /></Allow>} />
        <Route path="disputes" element={<Allow when={can.disputes}><DisputesPage /></Allow>} />
        <Route path="rubrics" element={<Allow when={can.rubrics}><RubricsPage /></Allow>} />
        <Route path="rubrics/:id" element={<Allow when={can.rubrics}><RubricEditorPage kind="rubric" /></Allow>} />
        <Route path="checklists" element={<Allow when={can.rubrics}><ChecklistsPage /></Allow>} />
        <Route path="checklists/edit/*" element={<Allow when={can.rubrics}><RubricEditorPage kind="checklist" /></Allow>} />
        <Route path="users" element={<Allow when={can.users}><UsersPage /></Allow>} />
        <Route path="*" element={<Navigate to="/" replace />} />
      </Route>
    </Routes>
  );
}

export function App() {
  return (
    <I18nProvider>
      <AuthProvider>
        <BrowserRouter>
          <Suspense fallback={<Loading />}>
            <AppRoutes />
          </Suspense>
        </BrowserRouter>
      </AuthProvider>
    </I18nProvider>
  );
}
