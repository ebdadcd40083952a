import { queryOptions } from '@tanstack/react-query';
import { request } from '@/api/client';
import { evidenceKeys } from '@/api/resources/evidence';
import {
  evidenceSchema,
  reuseResultSchema,
  uploadSessionSchema,
  voiceprintResultSchema,
  type AnnotationCreate,
  type CustodyReport,
  type UploadComplete,
  type UploadStart,
} from '@/api/schemas';
import { z } from 'zod';

export const evidenceExtraQueries = {
  reuse: (id: string) =>
    queryOptions({ queryKey: [...evidenceKeys.detail(id), 'reuse'], queryFn: ({ signal }) => request(`/evidence/${encodeURIComponent(id)}/reuse`, { schema: reuseResultSchema, signal }) }),
  voiceprint: (id: string) =>
    queryOptions({ queryKey: [...evidenceKeys.detail(id), 'voiceprint'], queryFn: ({ signal }) => request(`/evidence/${encodeURIComponent(id)}/voiceprint`, { schema: voiceprintResultSchema, signal }) }),
};

export const addAnnotation = (id: string, body: AnnotationCreate) =>
  request(`/evidence/${encodeURIComponent(id)}/annotations`, { method: 'POST', body, schema: evidenceSchema });

export const reportCustody = (id: string, body: CustodyReport) =>
  request(`/evidence/${encodeURIComponent(id)}/custody`, { method: 'POST', body, schema: evidenceSchema });

export const startUpload = (body: UploadStart, signal?: AbortSignal) => request('/evidence/uploads', { method: 'POST', body, schema: uploadSessionSchema, signal });
export const completeUpload = (uploadId: string, body: UploadComplete, signal?: AbortSignal) =>
  request(`/evidence/uploads/${encodeURIComponent(uploadId)}/complete`, { method: 'POST', body, schema: evidenceSchema, signal });
export const abortUpload = (uploadId: string) =>
  request(`/evidence/uploads/${encodeURIComponent(uploadId)}`, { method: 'DELETE', schema: z.unknown() });
export const uploadChunk = (uploadId: string, index: number, chunk: Blob, signal?: AbortSignal) =>
  request(`/evidence/uploads/${encodeURIComponent(uploadId)}/chunks/${index}`, { method: 'PUT', body: chunk, schema: z.object({ received: z.number() }), signal });
