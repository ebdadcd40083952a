import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { configureApi } from '@/api/client';
import { generateDemoData } from '@/server/seed/generator';
import type { World } from '@/domain/world';
import { configureStore } from './store';
import { server } from './node';

configureApi({ baseUrl: 'http://localhost/api' });

// A small dataset keeps handler tests fast; each test gets a fresh copy, so writes never leak between tests.
let seed: World | null = null;
const testSeed = () => (seed ??= generateDemoData({ complaints: 600, now: new Date('2026-11-23T01:00:00Z') }));

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => configureStore({ seed: () => structuredClone(testSeed()) }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());
