import type { ReactNode } from 'react';
import type { Action } from '@newsroom/domain';
import { ArticleEditorPage } from './features/articles/article-editor-page.tsx';
import { ArticleList } from './features/articles/article-list.tsx';
import { MediaLibraryPage } from './features/media/index.ts';
import { AuditPage } from './features/audit/audit-page.tsx';
import { RedirectsPage } from './features/redirects/redirects-page.tsx';
import { RightsPage } from './features/rights/rights-page.tsx';
import { SettingsPage } from './features/settings/settings-page.tsx';
import { TransferPage } from './features/transfer/transfer-page.tsx';
import { AcceptInvitePage, ForgotPasswordPage, ResetPasswordPage } from './features/staff/link-pages.tsx';
import { StaffPage } from './features/staff/staff-page.tsx';

/**
 * The dashboard's pages. `pattern` matches the path after /admin; its groups are passed to `render`.
 * Entries with `nav` appear in the top bar for roles that have `permission` (the server checks anyway).
 * Each feature adds its own entries here.
 */
export interface DashboardRoute {
  pattern: RegExp;
  render: (params: string[]) => ReactNode;
  nav?: { label: string; to: string; permission?: Action };
  /** Shown without a session (pages reached from an emailed link), outside the signed-in shell. */
  public?: boolean;
}

export const routes: DashboardRoute[] = [
  { pattern: /^\/$/, render: () => <ArticleList />, nav: { label: 'Articles', to: '/' } },
  { pattern: /^\/articles\/([0-9a-f-]{36})$/, render: ([id]) => <ArticleEditorPage key={id} id={id!} /> },
  { pattern: /^\/media\/?$/, render: () => <MediaLibraryPage />, nav: { label: 'Media', to: '/media', permission: 'media.read' } },
  { pattern: /^\/rights\/?$/, render: () => <RightsPage />, nav: { label: 'Rights', to: '/rights', permission: 'media.read' } },
  { pattern: /^\/staff\/?$/, render: () => <StaffPage />, nav: { label: 'Staff', to: '/staff', permission: 'staff.list' } },
  { pattern: /^\/redirects\/?$/, render: () => <RedirectsPage />, nav: { label: 'Redirects', to: '/redirects', permission: 'redirect.manage' } },
  { pattern: /^\/audit\/?$/, render: () => <AuditPage />, nav: { label: 'Audit log', to: '/audit', permission: 'audit.read' } },
  { pattern: /^\/settings\/?$/, render: () => <SettingsPage />, nav: { label: 'Settings', to: '/settings', permission: 'settings.read' } },
  { pattern: /^\/transfer\/?$/, render: () => <TransferPage />, nav: { label: 'Export', to: '/transfer', permission: 'data.export' } },
  { pattern: /^\/accept-invite\/?$/, render: () => <AcceptInvitePage />, public: true },
  { pattern: /^\/reset-password\/?$/, render: () => <ResetPasswordPage />, public: true },
  { pattern: /^\/forgot-password\/?$/, render: () => <ForgotPasswordPage />, public: true },
];

export function matchRoute(path: string): { route: DashboardRoute; params: string[] } | null {
  for (const route of routes) {
    const match = route.pattern.exec(path);
    if (match) return { route, params: match.slice(1) };
  }
  return null;
}
