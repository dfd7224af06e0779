import type { ReactNode } from 'react';
import type { Action } from '@newsroom/domain';
import { ArticleList } from './features/articles/article-list.tsx';

/**
 * The dashboard's pages. `pattern` matches the path after /admin; its groups are passed to `render`.
 * Entries with `nav` appear in the top bar for roles that have `permission` (the server checks anyway).
 * Each feature adds its own entries here.
 */
export interface DashboardRoute {
  pattern: RegExp;
  render: (params: string[]) => ReactNode;
  nav?: { label: string; to: string; permission?: Action };
}

export const routes: DashboardRoute[] = [
  { pattern: /^\/$/, render: () => <ArticleList />, nav: { label: 'Articles', to: '/' } },
];

export function matchRoute(path: string): { route: DashboardRoute; params: string[] } | null {
  for (const route of routes) {
    const match = route.pattern.exec(path);
    if (match) return { route, params: match.slice(1) };
  }
  return null;
}
