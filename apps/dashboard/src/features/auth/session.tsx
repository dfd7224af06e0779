import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import type { Action, Grant, Role } from '@newsroom/domain';
import { sessionEvents, trpc } from '../../lib/trpc.ts';

export interface Me {
  user: { id: string; email: string; name: string; role: Role; slug: string };
  permissions: Record<Action, Grant>;
  assignableRoles: Role[];
}

interface SessionState {
  me: Me | null;
  loading: boolean;
  /** True when the server stopped accepting our session while the app was open. */
  expired: boolean;
  refresh(): Promise<void>;
  signOut(): Promise<void>;
  /** Hides what the server would refuse anyway; the server still checks everything. */
  can(action: Action): boolean;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [loading, setLoading] = useState(true);
  const [expired, setExpired] = useState(false);

  const refresh = useCallback(async () => {
    const result = await trpc.auth.me.query();
    setMe(result);
    setExpired(false);
    setLoading(false);
  }, []);

  useEffect(() => {
    trpc.auth.me.query().then(
      (result) => {
        setMe(result);
        setLoading(false);
      },
      () => setLoading(false),
    );
    const onExpired = () => setExpired(true);
    sessionEvents.addEventListener('expired', onExpired);
    return () => sessionEvents.removeEventListener('expired', onExpired);
  }, []);

  const signOut = useCallback(async () => {
    await trpc.auth.logout.mutate();
    setMe(null);
  }, []);

  const can = useCallback((action: Action) => (me ? me.permissions[action] !== 'none' : false), [me]);

  return <SessionContext.Provider value={{ me, loading, expired, refresh, signOut, can }}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
