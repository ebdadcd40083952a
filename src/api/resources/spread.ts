import { queryOptions } from '@tanstack/react-query';
import { request } from '../client';
import { spreadReportSchema, type SpreadSubject } from '../schemas';

export const spreadKeys = {
  all: ['spread'] as const,
  report: (subject: SpreadSubject) => [...spreadKeys.all, subject] as const,
};

export const spreadQueries = {
  /** A read, sent as a POST only because a community's entity ids do not fit in a URL. */
  report: (subject: SpreadSubject) =>
    queryOptions({ queryKey: spreadKeys.report(subject), queryFn: ({ signal }) => request('/spread', { method: 'POST', body: subject, schema: spreadReportSchema, signal }) }),
};
