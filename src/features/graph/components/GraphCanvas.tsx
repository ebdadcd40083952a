import type { Core, ElementDefinition, LayoutOptions, NodeSingular } from 'cytoscape';
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { useEffect, useRef } from 'react';
import CytoscapeComponent from 'react-cytoscapejs';
import type { GraphLayoutName } from '../api/graph-search';
import { forceLayoutInWorker } from '../model/layout-worker-client';
import { graphStylesheet, LARGE_VIEW_NODES } from '../model/styles';

let registered = false;
function registerExtensions() {
  if (registered) return;
  cytoscape.use(fcose);
  registered = true;
}
registerExtensions();

/** Built once: an inline stylesheet or layout object makes react-cytoscapejs redo work on every render. */
const STYLESHEET = graphStylesheet();
const LARGE_STYLESHEET = graphStylesheet({ large: true });

export type LayoutRequest = {
  name: GraphLayoutName;
  /** Bump to run the layout again on everything (the user asked for it). */
  run: number;
  /** Saved positions (a case's picture): used instead of a layout for the nodes they cover. */
  preset?: Record<string, { x: number; y: number }> | null;
  roots?: string[];
};

type Props = {
  elements: ElementDefinition[];
  layout: LayoutRequest;
  anchor: string | null;
  pinned: ReadonlySet<string>;
  selected: string | null;
  highlight: { nodes: ReadonlySet<string>; edges: ReadonlySet<string> } | null;
  onSelect: (id: string | null) => void;
  onDoubleTap: (id: string) => void;
  onReady: (cy: Core) => void;
  onLayoutDone?: (ms: number) => void;
};

/** Fit everything, but never blow a handful of nodes up to poster size. */
function fitView(cy: Core) {
  cy.fit(undefined, 30);
  if (cy.zoom() > 1.2) {
    cy.zoom(1.2);
    cy.center();
  }
}

export function layoutOptions(name: GraphLayoutName, opts: { incremental: boolean; roots?: string[] }): LayoutOptions {
  if (name === 'concentric')
    return { name: 'concentric', animate: false, concentric: (n: NodeSingular) => n.degree(false), levelWidth: () => 2, minNodeSpacing: 12 } as LayoutOptions;
  if (name === 'breadthfirst') return { name: 'breadthfirst', animate: false, directed: false, spacingFactor: 1.1, roots: opts.roots?.length ? opts.roots.map((r) => `[id = "${r}"]`).join(',') : undefined } as LayoutOptions;
  return {
    name: 'fcose',
    animate: false,
    randomize: !opts.incremental,
    nodeRepulsion: () => 6000,
    idealEdgeLength: () => 60,
    nodeSeparation: 60,
    // fcose's component packing fails on incremental runs (relocateComponent on undefined).
    packComponents: !opts.incremental,
  } as LayoutOptions;
}

/**
 * The cytoscape canvas. Listeners are bound once (react-cytoscapejs calls `cy` on every update) and read
 * the latest callbacks from a ref; layouts are run here, because adding elements does not run one.
 */
export function GraphCanvas({ elements, layout, anchor, pinned, selected, highlight, onSelect, onDoubleTap, onReady, onLayoutDone }: Props) {
  const cyRef = useRef<Core | null>(null);
  const containerRef = useRef<HTMLDivElement | null>(null);
  const callbacks = useRef({ onSelect, onDoubleTap, onLayoutDone });
  useEffect(() => {
    callbacks.current = { onSelect, onDoubleTap, onLayoutDone };
  });
  const placed = useRef(new Set<string>());
  const nodeCount = elements.reduce((n, el) => ('source' in el.data ? n : n + 1), 0);
  const lastRun = useRef<{ run: number; name: string; preset: unknown }>({ run: -1, name: '', preset: null });
  /** Bumped by every layout start: a big layout that comes back from its worker late does not overwrite a newer one. */
  const layoutGeneration = useRef(0);

  const bind = (cy: Core) => {
    if (cyRef.current === cy) return;
    cyRef.current = cy;
    cy.on('tap', (e) => {
      if (e.target === cy) callbacks.current.onSelect(null);
      else callbacks.current.onSelect(e.target.id());
    });
    cy.on('dbltap', 'node', (e) => callbacks.current.onDoubleTap(e.target.id()));
    onReady(cy);
  };

  // Keep the canvas sized to its box: a graph shown after being hidden (tab, drawer) draws at 0×0 otherwise.
  useEffect(() => {
    const el = containerRef.current;
    if (!el) return;
    const observer = new ResizeObserver(() => cyRef.current?.resize());
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // New elements: place them around where they came from, then lay out (react-cytoscapejs has already patched the elements in).
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const nodes = cy.nodes();
    const fresh = nodes.filter((n) => !placed.current.has(n.id()));
    for (const id of [...placed.current]) if (cy.getElementById(id).empty()) placed.current.delete(id);
    const presetChanged = layout.preset !== lastRun.current.preset;
    const asked = layout.run !== lastRun.current.run || layout.name !== lastRun.current.name;
    if (!fresh.length && !asked && !presetChanged) return;
    const t0 = performance.now();
    const anchorNode = anchor ? cy.getElementById(anchor) : null;
    const centre = anchorNode?.nonempty() ? anchorNode.position() : { x: 0, y: 0 };
    fresh.forEach((n, i) => {
      const saved = layout.preset?.[n.id()];
      if (saved) n.position(saved);
      else {
        const angle = (2 * Math.PI * i) / Math.max(1, fresh.length);
        n.position({ x: centre.x + 80 * Math.cos(angle), y: centre.y + 80 * Math.sin(angle) });
      }
    });
    const coveredByPreset = layout.preset && nodes.toArray().every((n) => layout.preset![n.id()] !== undefined);
    const incremental = placed.current.size > 0 && !asked;
    lastRun.current = { run: layout.run, name: layout.name, preset: layout.preset };
    for (const n of fresh) placed.current.add(n.id());
    if (coveredByPreset && !asked) {
      fitView(cy);
      callbacks.current.onLayoutDone?.(performance.now() - t0);
      return;
    }
    const generation = ++layoutGeneration.current;
    const done = () => {
      fitView(cy);
      callbacks.current.onLayoutDone?.(performance.now() - t0);
    };
    if (layout.name === 'fcose' && nodes.length > LARGE_VIEW_NODES) {
      // Too big for fcose on the main thread (see force-layout.ts): ForceAtlas2 in a worker. Styling and
      // drawing wait for its positions (a batch), so thousands of nodes are drawn once, where they belong.
      cy.startBatch();
      let batched = true;
      const release = () => {
        if (batched && !cy.destroyed()) cy.endBatch();
        batched = false;
      };
      forceLayoutInWorker({
        nodes: nodes.map((n) => ({ id: n.id(), ...n.position(), fixed: n.locked() })),
        edges: cy.edges().map((e) => [e.source().id(), e.target().id()] as const),
        reseed: !incremental,
      })
        .then(({ result }) => {
          if (generation !== layoutGeneration.current || cy.destroyed()) return;
          for (const n of cy.nodes()) {
            const at = result[n.id()];
            if (at && !n.locked()) n.position(at);
          }
          release();
          done();
        })
        .catch((error: unknown) => {
          // Keep the positions we have: a failed layout must not take the screen down.
          console.error('graph layout failed', error);
          release();
          if (generation === layoutGeneration.current && !cy.destroyed()) done();
        })
        .finally(release);
      return;
    }
    const running = cy.layout(layoutOptions(layout.name, { incremental, roots: layout.roots }));
    running.one('layoutstop', () => {
      if (generation === layoutGeneration.current) done();
    });
    try {
      running.run();
    } catch (error) {
      console.error('graph layout failed', error);
      fitView(cy);
    }
  }, [elements, layout, anchor]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.nodes().forEach((n) => {
      if (pinned.has(n.id())) n.lock();
      else n.unlock();
    });
  }, [pinned, elements]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.batch(() => {
      cy.elements().removeClass('path faded');
      if (!highlight) return;
      cy.elements().forEach((el) => {
        const id = el.id();
        const on = el.isNode() ? highlight.nodes.has(id) : highlight.edges.has(id);
        el.addClass(on ? 'path' : 'faded');
      });
    });
  }, [highlight, elements]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.batch(() => {
      cy.$(':selected').unselect();
      cy.edges('.focus').removeClass('focus');
      if (!selected) return;
      const ele = cy.getElementById(selected);
      ele.select();
      // Big views label edges only here (see the large stylesheet).
      (ele.isNode() ? ele.connectedEdges() : ele).addClass('focus');
    });
  }, [selected, elements]);

  return (
    <div ref={containerRef} style={{ position: 'absolute', inset: 0 }}>
      <CytoscapeComponent
        elements={elements}
        stylesheet={nodeCount > LARGE_VIEW_NODES ? LARGE_STYLESHEET : STYLESHEET}
        cy={bind}
        style={{ width: '100%', height: '100%' }}
        wheelSensitivity={0.3}
        minZoom={0.05}
        maxZoom={4}
        hideEdgesOnViewport={elements.length > 3000}
        textureOnViewport={elements.length > 3000}
      />
    </div>
  );
}
