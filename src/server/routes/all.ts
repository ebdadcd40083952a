import type { Route } from '../http';
import { alertsRoutes } from './alerts';
import { auditRoutes } from './audit';
import { boardRoutes } from './board';
import { casesRoutes } from './cases';
import { complaintsRoutes } from './complaints';
import { customersRoutes } from './customers';
import { evidenceRoutes } from './evidence';
import { graphRoutes } from './graph';
import { referralsRoutes } from './referrals';
import { sharingRoutes } from './sharing';
import { spreadRoutes } from './spread';

/**
 * Every route of the contract that both hosts serve alike. Sign-in, accounts and demo controls differ
 * between hosts and live with each host. The queue's routes come first: hosts that match in order try them most.
 */
export const contractRoutes: Route[] = [
  ...complaintsRoutes,
  ...customersRoutes,
  ...evidenceRoutes,
  ...graphRoutes,
  ...casesRoutes,
  ...boardRoutes,
  ...referralsRoutes,
  ...auditRoutes,
  ...sharingRoutes,
  ...alertsRoutes,
  ...spreadRoutes,
];
