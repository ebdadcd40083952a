import { auditHandlers } from './audit';
import { boardHandlers } from './board';
import { caseHandlers } from './cases';
import { complaintHandlers } from './complaints';
import { customerHandlers } from './customers';
import { evidenceHandlers } from './evidence';
import { graphHandlers } from './graph';
import { referralHandlers } from './referrals';
import { sessionHandlers } from './session';

export const handlers = [
  ...sessionHandlers,
  ...complaintHandlers,
  ...customerHandlers,
  ...evidenceHandlers,
  ...graphHandlers,
  ...caseHandlers,
  ...boardHandlers,
  ...referralHandlers,
  ...auditHandlers,
];
