import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { NotificationList, StaffNotification } from '@newsroom/domain';
import { describeError, trpc } from '../../lib/trpc.ts';
import { Link } from '../../lib/router.tsx';
import './notifications.css';

/** How often the unread count is refreshed while the dashboard is open. */
const POLL_MS = 60_000;

/** Where a notification leads in the dashboard, if anywhere. */
function targetOf(item: StaffNotification): string | null {
  if (item.entityType === 'article' && item.entityId) return `/articles/${item.entityId}`;
  if (item.entityType === 'media') return '/rights';
  return null;
}

function when(date: Date): string {
  return date.toLocaleString(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
}

/**
 * The bell in the top bar: how many messages the signed-in member has not read, and the list of them
 * (licences that ran out, scheduled publishes that were stopped). Opening one marks it read.
 */
export function NotificationBell() {
  const [data, setData] = useState<NotificationList | null>(null);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);

  const load = useCallback(async () => {
    try {
      setData(await trpc.notifications.list.query());
      setError(null);
    } catch (err) {
      setError(describeError(err).message);
    }
  }, []);

  useEffect(() => {
    const first = setTimeout(() => void load(), 0);
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void load();
    }, POLL_MS);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [load]);

  // Closes on Escape and on a click outside.
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && setOpen(false);
    const onClick = (event: MouseEvent) => {
      if (root.current && !root.current.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('mousedown', onClick);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('mousedown', onClick);
    };
  }, [open]);

  async function markRead(item: StaffNotification) {
    if (item.read) return;
    setData((current) =>
      current && { unread: Math.max(0, current.unread - 1), items: current.items.map((i) => (i.id === item.id ? { ...i, read: true } : i)) },
    );
    await trpc.notifications.markRead.mutate({ id: item.id }).catch(() => load());
  }

  async function markAllRead() {
    setData((current) => current && { unread: 0, items: current.items.map((i) => ({ ...i, read: true })) });
    await trpc.notifications.markAllRead.mutate().catch(() => load());
  }

  const unread = data?.unread ?? 0;
  return (
    <div className="notifications" ref={root}>
      <button
        type="button"
        className="notifications__bell"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => {
          setOpen((v) => !v);
          if (!open) void load();
        }}
      >
        <BellIcon />
        <span className="notifications__sr">Notifications</span>
        {unread > 0 ? (
          <span className="notifications__count">
            {unread > 99 ? '99+' : unread}
            <span className="notifications__sr"> unread</span>
          </span>
        ) : null}
      </button>
      {open ? (
        <section id={panelId} className="notifications__panel" aria-label="Notifications">
          <header className="notifications__header">
            <h2>Notifications</h2>
            {unread > 0 ? (
              <button type="button" className="notifications__link" onClick={() => void markAllRead()}>
                Mark all read
              </button>
            ) : null}
          </header>
          {error ? (
            <p className="form-error" role="alert">
              {error}
            </p>
          ) : null}
          {data && data.items.length === 0 ? <p className="notifications__empty">Nothing new.</p> : null}
          <ul>
            {data?.items.map((item) => {
              const to = targetOf(item);
              return (
                <li key={item.id} className={item.read ? 'is-read' : 'is-unread'}>
                  <p className="notifications__title">
                    {!item.read ? <span className="notifications__sr">Unread: </span> : null}
                    {to ? (
                      <Link
                        to={to}
                        onClick={() => {
                          void markRead(item);
                          setOpen(false);
                        }}
                      >
                        {item.title}
                      </Link>
                    ) : (
                      item.title
                    )}
                  </p>
                  <p className="notifications__body">{item.body}</p>
                  <p className="notifications__meta">
                    <time dateTime={item.createdAt.toISOString()}>{when(item.createdAt)}</time>
                    {!item.read ? (
                      <button type="button" className="notifications__link" onClick={() => void markRead(item)}>
                        Mark read
                      </button>
                    ) : null}
                  </p>
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

/** Drawn, not an emoji: a system without an emoji font showed the bell as an empty box. */
function BellIcon() {
  return (
    <svg className="notifications__icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
      <path
        d="M12 3a6 6 0 0 0-6 6v3.6L4.3 15.5A1 1 0 0 0 5.2 17h13.6a1 1 0 0 0 .9-1.5L18 12.6V9a6 6 0 0 0-6-6Zm-2.5 15.5a2.5 2.5 0 0 0 5 0Z"
        fill="currentColor"
      />
    </svg>
  );
}
