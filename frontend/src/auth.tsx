// The signed-in user, shared by every page. On start the app asks GET /me; a 401 from any call
// sends the user back to the sign-in page.

import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { api, setUnauthorizedHandler } from './api/client';
import type { Role, User } from './api/types';

interface Auth {
  user: User | null;
  loading: boolean;
  login: (email: string, password: string) => Promise<User>;
  logout: () => Promise<void>;
}

const Ctx = createContext<Auth>({
  user: null,
  loading: true,
  login: async () => {
    throw new Error('no auth provider');
  },
  logout: async () => {},
});

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    setUnauthorizedHandler(() => setUser(null));
    api
      .me()
      .then(setUser)
      .catch(() => setUser(null))
      .finally(() => setLoading(false));
    return () => setUnauthorizedHandler(null);
  }, []);

  const login = useCallback(async (email: string, password: string) => {
    const u = await api.login(email, password);
    setUser(u);
    return u;
  }, []);
  const logout = useCallback(async () => {
    try {
      await api.logout();
    } finally {
      setUser(null);
    }
  }, []);

  return <Ctx.Provider value={{ user, loading, login, logout }}>{children}</Ctx.Provider>;
}

export function useAuth(): Auth {
  return useContext(Ctx);
}

/** can tells whether a role may use a part of the app (the server enforces the same rules). */
export const can = {
  review: (r: Role) => r === 'qa_reviewer' || r === 'admin',
  lead: (r: Role) => r === 'team_lead' || r === 'admin',
  rubrics: (r: Role) => r === 'trainer' || r === 'admin',
  dashboard: (r: Role) => r !== 'agent',
  conversations: (r: Role) => r !== 'agent',
  users: (r: Role) => r === 'admin',
  disputes: (r: Role) => r === 'team_lead' || r === 'agent' || r === 'admin',
  agents: (r: Role) => r === 'team_lead' || r === 'admin',
};
