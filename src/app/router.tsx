import { createRootRoute, createRoute, createRouter, lazyRouteComponent, redirect, useNavigate } from '@tanstack/react-router';
import { auditSearchSchema, type AuditSearchPatch } from '@/features/audit/api/audit-search';
import { evidenceSearchSchema, type EvidenceSearchPatch } from '@/features/evidence/api/evidence-search';
import { queueSearchSchema, type QueueSearchPatch } from '@/features/triage/api/queue-search';
import { RouteErrorComponent } from './error-boundary';
import { RootLayout } from './layout';
import { NotFoundPage } from './not-found';

// Each screen is its own chunk: the first screen should not pay for the table, graph or PDF code of the others.
const DashboardPage = lazyRouteComponent(() => import('@/features/dashboard/components/DashboardPage'), 'DashboardPage');
const QueuePage = lazyRouteComponent(() => import('@/features/triage/components/QueuePage'), 'QueuePage');
const AuditPage = lazyRouteComponent(() => import('@/features/audit/components/AuditPage'), 'AuditPage');
const CasesPage = lazyRouteComponent(() => import('@/features/cases/components/CasesPage'), 'CasesPage');
const GraphPage = lazyRouteComponent(() => import('@/features/graph/components/GraphPage'), 'GraphPage');
const EvidencePage = lazyRouteComponent(() => import('@/features/evidence/components/EvidencePage'), 'EvidencePage');
const ReferralsPage = lazyRouteComponent(() => import('@/features/referrals/components/ReferralsPage'), 'ReferralsPage');

const rootRoute = createRootRoute({ component: RootLayout, notFoundComponent: NotFoundPage });

const indexRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  beforeLoad: () => {
    throw redirect({ to: '/dashboard', replace: true });
  },
});

const dashboardRoute = createRoute({ getParentRoute: () => rootRoute, path: '/dashboard', component: DashboardPage });

/** Features know nothing of the router: the route hands them their validated search and a way to change it. */
const queueRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/queue',
  validateSearch: queueSearchSchema,
  component: function QueueRoute() {
    const search = queueRoute.useSearch();
    const navigate = useNavigate({ from: '/queue' });
    const onSearchChange = (patch: QueueSearchPatch, opts?: { replace?: boolean }) =>
      void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: opts?.replace });
    return <QueuePage search={search} onSearchChange={onSearchChange} />;
  },
});

const auditRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/audit',
  validateSearch: auditSearchSchema,
  component: function AuditRoute() {
    const search = auditRoute.useSearch();
    const navigate = useNavigate({ from: '/audit' });
    return <AuditPage search={search} onSearchChange={(patch: AuditSearchPatch) => void navigate({ search: (prev) => ({ ...prev, ...patch }) })} />;
  },
});

const evidenceRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/evidence',
  validateSearch: evidenceSearchSchema,
  component: function EvidenceRoute() {
    const search = evidenceRoute.useSearch();
    const navigate = useNavigate({ from: '/evidence' });
    const onSearchChange = (patch: EvidenceSearchPatch, opts?: { replace?: boolean }) =>
      void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: opts?.replace });
    return <EvidencePage search={search} onSearchChange={onSearchChange} />;
  },
});

const casesRoute = createRoute({ getParentRoute: () => rootRoute, path: '/cases', component: CasesPage });
const graphRoute = createRoute({ getParentRoute: () => rootRoute, path: '/graph', component: GraphPage });
const referralsRoute = createRoute({ getParentRoute: () => rootRoute, path: '/referrals', component: ReferralsPage });

const routeTree = rootRoute.addChildren([indexRoute, dashboardRoute, queueRoute, casesRoute, graphRoute, referralsRoute, auditRoute, evidenceRoute]);

export const router = createRouter({
  routeTree,
  defaultErrorComponent: RouteErrorComponent,
  // Query owns data freshness; the router should not cache anything on its own.
  defaultPreloadStaleTime: 0,
  scrollRestoration: true,
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
