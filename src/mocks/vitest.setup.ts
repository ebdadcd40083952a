import { afterAll, afterEach, beforeAll } from 'vitest';
import { configureApi } from '@/api/client';
import { server } from './node';

configureApi({ baseUrl: 'http://localhost/api' });

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());
