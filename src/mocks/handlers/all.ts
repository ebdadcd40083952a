import { auditHandlers } from './audit';
import { boardHandlers } from './board';
import { caseHandlers } from './cases';
import { complaintHandlers } from './complaints';
import { customerHandlers } from './customers';
import { evidenceHandlers } from './evidence';
import { graphHandlers } from './graph';
import { referralHandlers } from './referrals';
import { sessionHandlers } from './session';

// MSW tries handlers in order, parsing the request's cookies and path for each: the queue's requests,
// the most frequent by far, are matched first. No two groups share a path, so order changes nothing else.
export const handlers = [
  ...complaintHandlers,
  ...sessionHandlers,
  ...customerHandlers,
  ...evidenceHandlers,
  ...graphHandlers,
  ...caseHandlers,
  ...boardHandlers,
  ...referralHandlers,
  ...auditHandlers,
];
