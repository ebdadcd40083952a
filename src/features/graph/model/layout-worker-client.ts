import type { LayoutRequest } from '../workers/layout.worker';
import type { Positions } from './force-layout';
import { workerRpc } from './worker-rpc';

export const forceLayoutInWorker = workerRpc<Omit<LayoutRequest, 'id'>, Positions>(() => new Worker(new URL('../workers/layout.worker.ts', import.meta.url), { type: 'module' }), 'layout');
