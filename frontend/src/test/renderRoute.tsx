// renderRoute renders a page the way the app does once the user is known (RequireUser): inside
// the i18n (English) and auth providers and a router opened at `entry`, on the route `path`;
// `routes` adds other routes the page may navigate to. Page tests import it after mocking the
// API client, like the page itself.

import { render } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { AuthProvider, useAuth } from '../auth';
import { I18nProvider } from '../i18n';

function Gate({ children }: { children: ReactElement }) {
  return useAuth().user ? children : null;
}

export function renderRoute(entry: string, path: string, page: ReactElement, routes?: ReactNode) {
  return render(
    <I18nProvider initial="en">
      <AuthProvider>
        <MemoryRouter initialEntries={[entry]}>
          <Routes>
            <Route path={path} element={<Gate>{page}</Gate>} />
            {routes}
          </Routes>
        </MemoryRouter>
      </AuthProvider>
    </I18nProvider>,
  );
}
