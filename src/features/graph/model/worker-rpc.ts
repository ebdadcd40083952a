/**
 * One request / one answer over a dedicated worker, matched by id. The worker is created on first use
 * (the factory must contain the literal `new Worker(new URL(...))` so Vite bundles it) and re-created
 * after it crashes; a crash fails every pending request instead of leaving it hanging.
 */
type Answer<R> = { id: number; ok: true; result: R; ms: number } | { id: number; ok: false; error: string };

export function workerRpc<Req extends object, R>(create: () => Worker, name: string) {
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, { resolve: (r: { result: R; ms: number }) => void; reject: (e: Error) => void }>();

  function get() {
    if (!worker) {
      worker = create();
      worker.onmessage = (event: MessageEvent<Answer<R>>) => {
        const job = pending.get(event.data.id);
        if (!job) return;
        pending.delete(event.data.id);
        if (event.data.ok) job.resolve({ result: event.data.result, ms: event.data.ms });
        else job.reject(new Error(event.data.error));
      };
      worker.onerror = (event) => {
        for (const job of pending.values()) job.reject(new Error(event.message || `${name} worker failed`));
        pending.clear();
        worker = null;
      };
    }
    return worker;
  }

  return (request: Req): Promise<{ result: R; ms: number }> => {
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      get().postMessage({ ...request, id });
    });
  };
}
