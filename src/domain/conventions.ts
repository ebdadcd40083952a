/**
 * How the mock backend encodes facts in the graph's free-form attributes and ids. The generator
 * writes them and the scoring rules read them, so both import them from here.
 */

/** Entity ids derived from record ids, so a complaint or customer can be opened in the graph directly. */
export const entityIdForCustomer = (customerId: string) => `ent-${customerId}`;
export const entityIdForComplaint = (complaintId: string) => `ent-${complaintId}`;

export const ATTR = {
  /** borrower: the customer record. */
  customerId: 'customerId',
  /** complaint: the complaint record. */
  complaintId: 'complaintId',
  /** borrower: outcome of trying to reach the borrower directly (see CONTACT). */
  contact: 'contact',
  /** agent_person: whether a voiceprint from a recorded call is enrolled (see VOICEPRINT). */
  voiceprint: 'voiceprint',
  /** phone: whose number it is (see PHONE_OWNER). */
  owner: 'owner',
} as const;

export const CONTACT = { refused: 'refused', reachable: 'reachable', unknown: 'unknown' } as const;
export const VOICEPRINT = { enrolled: 'enrolled' } as const;
export const PHONE_OWNER = { borrower: 'borrower', agent: 'agent', lender: 'lender', relative: 'relative' } as const;
