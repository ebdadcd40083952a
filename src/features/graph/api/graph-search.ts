import { z } from 'zod';
import { entityTypeSchema, linkTypeSchema } from '@/api/schemas';
import { dayParam as day, listParam as list } from '@/lib/url-search';

export const GRAPH_LAYOUTS = ['fcose', 'concentric', 'breadthfirst'] as const;
export type GraphLayoutName = (typeof GRAPH_LAYOUTS)[number];

/** Where the graph starts, what is selected and how it is filtered live in the URL, so a view can be shared. */
export const graphSearchSchema = z.object({
  /** Start: an entity id, a complaint id, or a case id (its entities and saved picture). */
  entity: z.string().min(1).optional().catch(undefined),
  complaint: z.string().min(1).optional().catch(undefined),
  case: z.string().min(1).optional().catch(undefined),
  /** Selected node or link id. */
  selected: z.string().min(1).optional().catch(undefined),
  types: list(entityTypeSchema),
  linkTypes: list(linkTypeSchema),
  from: day,
  to: day,
  layout: z.enum(GRAPH_LAYOUTS).optional().catch(undefined),
  hideHubs: z.boolean().optional().catch(undefined),
});
export type GraphSearch = z.infer<typeof graphSearchSchema>;
export type GraphSearchPatch = Partial<{ [K in keyof GraphSearch]: GraphSearch[K] | undefined }>;
