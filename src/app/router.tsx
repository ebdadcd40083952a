import { createRootRoute, createRoute, createRouter, lazyRouteComponent, redirect, useNavigate } from '@tanstack/react-router';
import { z } from 'zod';
import { alertsSearchSchema, type AlertsSearchPatch } from '@/features/alerts/api/alerts-search';
import { spreadSearchSchema } from '@/features/spread/api/spread-search';
import { auditSearchSchema, type AuditSearchPatch } from '@/features/audit/api/audit-search';
import { dashboardSearchSchema, monthlySearchSchema, type DashboardSearchPatch, type MonthlySearchPatch } from '@/features/dashboard/api/dashboard-search';
import { casesSearchSchema, type CasesSearchPatch } from '@/features/cases/api/cases-search';
import { graphSearchSchema, type GraphSearchPatch } from '@/features/graph/api/graph-search';
import { referralsSearchSchema } from '@/features/referrals/api/referrals-search';
import { evidenceSearchSchema, type EvidenceSearchPatch } from '@/features/evidence/api/evidence-search';
import { OVERLAY_KEYS, QUEUE_SCROLLER_SELECTOR, queueSearchSchema, type QueueSearchPatch } from '@/features/triage/api/queue-search';
import { RouteErrorComponent } from './error-boundary';
import { RootLayout } from './layout';
import { NotFoundPage } from './not-found';

// Each screen is its own chunk: the first screen should not pay for the table, graph or PDF code of the others.
const DashboardPage = lazyRouteComponent(() => import('@/features/dashboard/components/DashboardPage'), 'DashboardPage');
const QueuePage = lazyRouteComponent(() => import('@/features/triage/components/QueuePage'), 'QueuePage');
const AuditPage = lazyRouteComponent(() => import('@/features/audit/components/AuditPage'), 'AuditPage');
const CasesPage = lazyRouteComponent(() => import('@/features/cases/components/CasesPage'), 'CasesPage');
const CasePage = lazyRouteComponent(() => import('@/features/cases/components/CasePage'), 'CasePage');
const BoardPage = lazyRouteComponent(() => import('@/features/cases/components/BoardPage'), 'BoardPage');
const GraphPage = lazyRouteComponent(() => import('@/features/graph/components/GraphPage'), 'GraphPage');
const EvidencePage = lazyRouteComponent(() => import('@/features/evidence/components/EvidencePage'), 'EvidencePage');
const ReferralsPage = lazyRouteComponent(() => import('@/features/referrals/components/ReferralsPage'), 'ReferralsPage');
const ReferralBuilderPage = lazyRouteComponent(() => import('@/features/referrals/components/ReferralBuilderPage'), 'ReferralBuilderPage');
const AccountsPage = lazyRouteComponent(() => import('@/features/admin/components/AccountsPage'), 'AccountsPage');
const SharingPage = lazyRouteComponent(() => import('@/features/sharing/components/SharingPage'), 'SharingPage');
const MonthlyReportPage = lazyRouteComponent(() => import('@/features/dashboard/components/MonthlyReportPage'), 'MonthlyReportPage');
const SpreadPage = lazyRouteComponent(() => import('@/features/spread/components/SpreadPage'), 'SpreadPage');
const AlertsPage = lazyRouteComponent(() => import('@/features/alerts/components/AlertsPage'), 'AlertsPage');
const NewReferralPage = lazyRouteComponent(() => import('@/features/referrals/components/NewReferralPage'), 'NewReferralPage');

const rootRoute = createRootRoute({ component: RootLayout, notFoundComponent: NotFoundPage });

const indexRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  beforeLoad: () => {
    throw redirect({ to: '/dashboard', replace: true });
  },
});

const dashboardRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/dashboard',
  validateSearch: dashboardSearchSchema,
  component: function DashboardRoute() {
    const search = dashboardRoute.useSearch();
    const navigate = useNavigate({ from: '/dashboard' });
    return (
      <DashboardPage
        search={search}
        // The period is typed into date boxes: each keystroke replaces the entry rather than piling up history.
        onSearchChange={(patch: DashboardSearchPatch) => void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true })}
        onOpen={(href: string) => void router.history.push(href)}
      />
    );
  },
});
/** 月报: one month's figures on a printable page, with CSV and PDF downloads. */
const monthlyRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/dashboard/report',
  validateSearch: monthlySearchSchema,
  component: function MonthlyRoute() {
    const search = monthlyRoute.useSearch();
    const navigate = useNavigate({ from: '/dashboard/report' });
    return (
      <MonthlyReportPage
        search={search}
        onSearchChange={(patch: MonthlySearchPatch) => void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true })}
        onOpen={(href: string) => void router.history.push(href)}
      />
    );
  },
});

/** Features know nothing of the router: the route hands them their validated search and a way to change it. */
const queueRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/queue',
  validateSearch: queueSearchSchema,
  component: function QueueRoute() {
    const search = queueRoute.useSearch();
    const navigate = useNavigate({ from: '/queue' });
    // Opening a complaint keeps the list where it is; new filters or a new order start it at the top.
    const onSearchChange = (patch: QueueSearchPatch, opts?: { replace?: boolean }) =>
      void navigate({
        search: (prev) => ({ ...prev, ...patch }),
        replace: opts?.replace,
        resetScroll: Object.keys(patch).some((k) => !OVERLAY_KEYS.includes(k as keyof QueueSearchPatch)),
      });
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

const casesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/cases',
  validateSearch: casesSearchSchema,
  component: function CasesRoute() {
    const search = casesRoute.useSearch();
    const navigate = useNavigate({ from: '/cases' });
    return (
      <CasesPage
        search={search}
        onSearchChange={(patch: CasesSearchPatch) => void navigate({ search: (prev) => ({ ...prev, ...patch }) })}
        onOpenCase={(caseId: string) => void navigate({ to: '/cases/$caseId', params: { caseId } })}
      />
    );
  },
});
const graphRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/graph',
  validateSearch: graphSearchSchema,
  component: function GraphRoute() {
    const search = graphRoute.useSearch();
    const navigate = useNavigate({ from: '/graph' });
    const onSearchChange = (patch: GraphSearchPatch, opts?: { replace?: boolean }) =>
      void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: opts?.replace });
    // Links out of the graph (queue, evidence, a case's graph) are plain hrefs: the router parses their search.
    const onOpen = (href: string) => void router.history.push(href);
    return <GraphPage search={search} onSearchChange={onSearchChange} onOpen={onOpen} />;
  },
});

const caseRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/cases/$caseId',
  component: function CaseRoute() {
    const { caseId } = caseRoute.useParams();
    const navigate = useNavigate();
    return <CasePage key={caseId} caseId={caseId} onBack={() => void navigate({ to: '/cases' })} />;
  },
});

const boardRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/board',
  component: function BoardRoute() {
    const navigate = useNavigate();
    return (
      <BoardPage
        onOpenCase={(caseId: string) => void navigate({ to: '/cases/$caseId', params: { caseId } })}
        onOpenComplaint={(complaint: string) => void navigate({ to: '/queue', search: { complaint } })}
      />
    );
  },
});
const referralsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/referrals',
  validateSearch: referralsSearchSchema,
  component: function ReferralsRoute() {
    const search = referralsRoute.useSearch();
    const navigate = useNavigate();
    return (
      <ReferralsPage
        search={search}
        onClearFilter={() => void navigate({ to: '/referrals', search: {} })}
        onOpen={(id: string) => void navigate({ to: '/referrals/$id', params: { id } })}
      />
    );
  },
});
/** `/referrals/new?caseId=…` (linked from the case screen) drafts a referral from the case. */
const newReferralRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/referrals/new',
  validateSearch: z.object({ caseId: z.string().min(1).optional() }),
  component: function NewReferralRoute() {
    const { caseId } = newReferralRoute.useSearch();
    const navigate = useNavigate();
    return <NewReferralPage caseId={caseId} onCreated={(id: string) => void navigate({ to: '/referrals/$id', params: { id }, replace: true })} />;
  },
});
const referralRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/referrals/$id',
  component: function ReferralRoute() {
    const { id } = referralRoute.useParams();
    const navigate = useNavigate();
    return <ReferralBuilderPage key={id} id={id} onBack={() => void navigate({ to: '/referrals' })} />;
  },
});

const sharingRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sharing',
  validateSearch: z.object({ session: z.string().min(1).optional().catch(undefined) }),
  component: function SharingRoute() {
    const { session } = sharingRoute.useSearch();
    const navigate = useNavigate({ from: '/sharing' });
    return <SharingPage sessionId={session} onOpen={(id: string | undefined) => void navigate({ search: { session: id } })} />;
  },
});

/** 预警: the alert inbox; the open alert is in the URL, so a notice or a chat message can link to it. */
const alertsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/alerts',
  validateSearch: alertsSearchSchema,
  component: function AlertsRoute() {
    const search = alertsRoute.useSearch();
    const navigate = useNavigate({ from: '/alerts' });
    return (
      <AlertsPage
        search={search}
        // Opening or closing the drawer is not a step back and forth through history.
        onSearchChange={(patch: AlertsSearchPatch) => void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: 'alert' in patch && Object.keys(patch).length === 1 })}
        onOpen={(href: string) => void router.history.push(href)}
      />
    );
  },
});

/** 溯源: how a family, an alert's records or a case spread; what is traced is in the URL. */
const spreadRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/spread',
  validateSearch: spreadSearchSchema,
  component: function SpreadRoute() {
    const search = spreadRoute.useSearch();
    return <SpreadPage search={search} onOpen={(href: string) => void router.history.push(href)} />;
  },
});

const accountsRoute = createRoute({ getParentRoute: () => rootRoute, path: '/admin/users', component: AccountsPage });

const routeTree = rootRoute.addChildren([
  accountsRoute,
  sharingRoute,
  alertsRoute,
  spreadRoute,
  indexRoute,
  dashboardRoute,
  monthlyRoute,
  queueRoute,
  casesRoute,
  caseRoute,
  boardRoute,
  graphRoute,
  referralsRoute,
  newReferralRoute,
  referralRoute,
  auditRoute,
  evidenceRoute,
]);

export const router = createRouter({
  routeTree,
  defaultErrorComponent: RouteErrorComponent,
  // Query owns data freshness; the router should not cache anything on its own.
  defaultPreloadStaleTime: 0,
  scrollRestoration: true,
  // Lists that scroll inside the page, taken to their top by navigations that reset scrolling.
  scrollToTopSelectors: [QUEUE_SCROLLER_SELECTOR],
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
