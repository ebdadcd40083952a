import type { PointSets, SharedType } from '@/api/schemas';
import type { SharingIdentifierSets } from '@/api/resources/sharing';

type Of = { id: number; sessionId: string; normalisation: string };
export type PsiCall =
  | (Of & { op: 'request'; sets: SharingIdentifierSets })
  | (Of & { op: 'answer'; request: PointSets; own: SharingIdentifierSets })
  | (Of & { op: 'finish'; response: { sets: PointSets; peerSets?: PointSets } })
  | { id: number; op: 'holds'; sessionId: string }
  | { id: number; op: 'cancel'; target: number };
export type PsiMatch = { type: SharedType; entityId: string };
export type PsiAnswer = { id: number; kind: 'progress'; done: number; total: number } | { id: number; kind: 'done'; result: unknown } | { id: number; kind: 'error'; error: string };
