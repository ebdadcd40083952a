import { ApartmentOutlined, DownloadOutlined, SaveOutlined, UndoOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, AutoComplete, Button, Card, Input, Segmented, Space, Tabs, Tag, Tooltip, Typography } from 'antd';
import type { Core, ElementDefinition } from 'cytoscape';
import dayjs from 'dayjs';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { caseQueries } from '@/api/resources/cases';
import { graphQueries, saveGraphLayout } from '@/api/resources/graph';
import type { Case, Entity, Graph, LinkType } from '@/api/schemas';
import { ApiErrorAlert } from '@/components/ApiErrorAlert';
import { GRAPH_LAYOUTS, type GraphLayoutName, type GraphSearch, type GraphSearchPatch } from '../api/graph-search';
import { detectCommunitiesInWorker } from '../model/community-worker-client';
import { buildElements, entityVisible, leafNeighbours, parseCommunityNodeId, timeBounds, type ViewOptions } from '../model/graph-model';
import { communityColor, ENTITY_LOOK } from '../model/styles';
import { useGraphStore } from '../state/graph-store';
import { CommunityPanel } from './CommunityPanel';
import { DetailsPanel } from './DetailsPanel';
import { FiltersPanel } from './FiltersPanel';
import { GraphCanvas, type LayoutRequest } from './GraphCanvas';
import { Legend } from './Legend';
import { PathPanel } from './PathPanel';
import { EntityLabel, type Open } from './shared';

type Props = { search: GraphSearch; onSearchChange: (patch: GraphSearchPatch, opts?: { replace?: boolean }) => void; onOpen: Open };

/** How far a start expands: a complaint needs two hops (complaint → borrower → their phones, firm, documents). */
const START_LIMIT = 300;

function download(name: string, blob: Blob) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** 关系图谱: start from a complaint, entity or case, grow the picture, find paths and gangs, turn them into cases. */
export function GraphPage({ search, onSearchChange, onOpen }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const store = useGraphStore();
  const { set, version, hidden, pinned, communities, collapsed, minCommunitySize, path, anchor, preset } = store;
  const cyRef = useRef<Core | null>(null);
  const layoutWaiter = useRef<(() => void) | null>(null);
  const [tab, setTab] = useState('details');
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<unknown>(null);
  const [excludeHubs, setExcludeHubs] = useState(true);
  const [detecting, setDetecting] = useState(false);
  const [detectError, setDetectError] = useState<unknown>(null);
  const [layoutRun, setLayoutRun] = useState(0);
  const [lastLayoutMs, setLastLayoutMs] = useState<number | null>(null);
  const [q, setQ] = useState('');
  const layoutName: GraphLayoutName = search.layout ?? 'fcose';
  const caseId = search.case ?? null;

  const caseQuery = useQuery({ ...caseQueries.detail(caseId ?? ''), enabled: !!caseId });
  const savedLayout = useQuery({ ...graphQueries.layout(caseId ?? ''), enabled: !!caseId });

  // Load the start whenever it changes: a fresh picture for a fresh question.
  const startKey = `${search.entity ?? ''}|${search.complaint ?? ''}|${caseId ?? ''}|${attempt}`;
  useEffect(() => {
    let cancelled = false;
    const s = useGraphStore.getState();
    s.reset();
    if (!search.entity && !search.complaint && !caseId) return;
    s.setLoad(true);
    (async () => {
      const add = (g: { entities: Entity[]; links: { id: string; source: string; target: string }[] }) => useGraphStore.getState().add(g.entities, g.links as never);
      if (search.entity) {
        add(await queryClient.fetchQuery(graphQueries.neighbourhood({ entityId: search.entity, depth: 1, limit: START_LIMIT })));
      } else if (search.complaint) {
        const hits = await queryClient.fetchQuery(graphQueries.search(search.complaint));
        const hit = hits.find((e) => e.type === 'complaint' && e.attributes.complaintId === search.complaint);
        if (!hit) throw new Error(t('graph.start.complaintNotFound', { id: search.complaint }));
        add(await queryClient.fetchQuery(graphQueries.neighbourhood({ entityId: hit.id, depth: 2, limit: START_LIMIT })));
      } else if (caseId) {
        const kase = await queryClient.fetchQuery(caseQueries.detail(caseId));
        const layout = await queryClient.fetchQuery(graphQueries.layout(caseId));
        const ids = layout?.entityIds.length ? layout.entityIds : kase.entityIds;
        // The case's own entities and the links among them, as saved (or as the case lists them).
        add(await queryClient.fetchQuery(graphQueries.subgraph(ids)));
        if (layout) useGraphStore.getState().setPreset(layout.positions);
      }
    })()
      .then(() => !cancelled && useGraphStore.getState().setLoad(false))
      .catch((error: unknown) => !cancelled && useGraphStore.getState().setLoad(false, error));
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the start key is the dependency
  }, [startKey]);

  const bounds = useMemo(() => {
    void version;
    return timeBounds(set);
  }, [set, version]);

  const view: ViewOptions = useMemo(
    () => ({
      entityTypes: search.types ? new Set(search.types) : null,
      linkTypes: search.linkTypes ? new Set(search.linkTypes) : null,
      timeRange: search.from || search.to ? [search.from ? dayjs(search.from).startOf('day').toISOString() : '0000', search.to ? dayjs(search.to).endOf('day').toISOString() : '9999'] : null,
      hidden,
      hideHubs: search.hideHubs ?? false,
      communities: communities?.communityOf ?? null,
      collapsed,
      minCommunitySize,
      communitySizes: communities?.sizes,
    }),
    [search.types, search.linkTypes, search.from, search.to, search.hideHubs, hidden, communities, collapsed, minCommunitySize],
  );

  const built = useMemo(() => {
    void version;
    return buildElements(set, view, (lt) => t(`graph.linkType.${lt}`));
  }, [set, version, view, t]);

  const elements: ElementDefinition[] = useMemo(() => {
    const out: ElementDefinition[] = [];
    for (const n of built.nodes) {
      const d = n.data;
      if (d.kind === 'community') {
        const c = d.community ?? 0;
        const size = Math.min(140, 30 + Math.sqrt(d.memberCount ?? 1) * 8);
        out.push({ data: { ...d, display: `${t('graph.community.name', { n: c + 1 })}\n${t('graph.community.members', { count: d.memberCount })}`, communityColor: communityColor(c), size } });
      } else {
        const look = ENTITY_LOOK[d.type as keyof typeof ENTITY_LOOK];
        const display = `${look.glyph} ${d.isHub ? `[${t('graph.hub')}] ` : ''}${d.label}`;
        out.push({ data: d.community !== null ? { ...d, display, communityColor: communityColor(d.community) } : { ...d, display } });
      }
    }
    for (const e of built.edges) out.push({ data: e.data });
    return out;
  }, [built, t]);

  const layout: LayoutRequest = useMemo(
    () => ({ name: layoutName, run: layoutRun, preset, roots: search.entity ? [search.entity] : undefined }),
    [layoutName, layoutRun, preset, search.entity],
  );

  const highlight = useMemo(() => {
    if (!path || path.nodeIds.length === 0) return null;
    return { nodes: new Set(path.nodeIds), edges: new Set(path.hops.flatMap((h) => h.links.map((l) => l.id))) };
  }, [path]);

  const select = useCallback((id: string | null) => onSearchChange({ selected: id ?? undefined }, { replace: true }), [onSearchChange]);

  const focus = useCallback(
    (id: string) => {
      select(id);
      const cy = cyRef.current;
      const el = cy?.getElementById(id);
      if (cy && el?.nonempty()) cy.animate({ center: { eles: el }, zoom: Math.max(cy.zoom(), 1.2) }, { duration: 300 });
    },
    [select],
  );

  const expand = async (id: string, linkType?: LinkType) => {
    setBusy(true);
    setActionError(null);
    try {
      const g = await queryClient.fetchQuery(graphQueries.neighbourhood({ entityId: id, depth: 1, linkTypes: linkType ? [linkType] : undefined, limit: START_LIMIT }));
      const added = useGraphStore.getState().add(g.entities, g.links, { undoable: true, anchor: id });
      message.info(added ? t('graph.expanded', { count: added }) : t('graph.nothingNew'));
    } catch (error) {
      setActionError(error);
    } finally {
      setBusy(false);
    }
  };

  const collapseNode = (id: string) => {
    const keep = new Set([id, ...pinned, ...(search.entity ? [search.entity] : [])]);
    const leaves = leafNeighbours(set, id, keep);
    store.remove(leaves);
    message.info(t('graph.collapsed', { count: leaves.length }));
  };

  const onDoubleTap = (id: string) => {
    const c = parseCommunityNodeId(id);
    if (c !== null) store.toggleCollapsed(c);
    else if (set.entities.has(id)) void expand(id);
  };

  const loadNetwork = async () => {
    setBusy(true);
    setActionError(null);
    setDetecting(true);
    try {
      const g = await queryClient.fetchQuery(graphQueries.network(false));
      const s = useGraphStore.getState();
      // Communities over what is already on screen plus the network, computed before anything is drawn.
      const entities = new Map(s.set.entities);
      for (const e of g.entities) entities.set(e.id, e);
      const links = new Map(s.set.links);
      for (const l of g.links) links.set(l.id, l);
      const { result, ms } = await detectCommunitiesInWorker(entities.values(), links.values(), excludeHubs);
      useGraphStore.getState().addNetwork(g.entities, g.links, { ...result, ms }, 5);
      setTab('communities');
    } catch (error) {
      setActionError(error);
    } finally {
      setBusy(false);
      setDetecting(false);
    }
  };

  const detect = async (opts: { collapseAll?: boolean; minSize?: number } = {}) => {
    setDetecting(true);
    setDetectError(null);
    try {
      const s = useGraphStore.getState();
      const { result, ms } = await detectCommunitiesInWorker(s.set.entities.values(), s.set.links.values(), excludeHubs);
      s.setCommunities({ ...result, ms }, { collapseAll: opts.collapseAll });
      if (opts.minSize) s.setMinCommunitySize(opts.minSize);
      setTab('communities');
    } catch (error) {
      setDetectError(error);
    } finally {
      setDetecting(false);
    }
  };

  const positionsOf = (ids: string[]) => {
    const cy = cyRef.current;
    const positions: Record<string, { x: number; y: number }> = {};
    if (!cy) return positions;
    for (const id of ids) {
      const n = cy.getElementById(id);
      if (n.nonempty()) positions[id] = { ...n.position() };
    }
    return positions;
  };

  const saveLayout = async (kase: Pick<Case, 'id'>, ids: string[]) => {
    const current = await queryClient.fetchQuery({ ...graphQueries.layout(kase.id), staleTime: 0 });
    const saved = await saveGraphLayout(kase.id, { version: current?.version ?? 0, entityIds: ids, positions: positionsOf(ids) });
    queryClient.setQueryData(graphQueries.layout(kase.id).queryKey, saved);
    return saved;
  };

  const onSaveCaseLayout = async () => {
    if (!caseId) return;
    try {
      const ids = [...set.entities.keys()].filter((id) => entityVisible(set.entities.get(id)!, view));
      await saveLayout({ id: caseId }, ids);
      message.success(t('graph.layoutSaved'));
    } catch (error) {
      setActionError(error);
    }
  };

  const onCaseSaved = (kase: Case, ids: string[]) => {
    // The community's picture goes with the case, so opening the case shows the gang as it was found.
    saveLayout(kase, ids).catch((error: unknown) => setActionError(error));
  };

  const exportPng = () => {
    const cy = cyRef.current;
    if (!cy) return;
    const blob = cy.png({ output: 'blob', full: true, bg: '#ffffff', scale: 2, maxWidth: 8000, maxHeight: 8000 });
    download(`graph-${dayjs().format('YYYYMMDD-HHmmss')}.png`, blob);
  };
  const exportJson = () => {
    const entities = [...set.entities.values()].filter((e) => entityVisible(e, view));
    const ids = new Set(entities.map((e) => e.id));
    const links = [...set.links.values()].filter((l) => ids.has(l.source) && ids.has(l.target) && (!view.linkTypes || view.linkTypes.has(l.type)));
    const body = { exportedAt: new Date().toISOString(), start: { entity: search.entity, complaint: search.complaint, case: caseId }, entities, links, communities: communities?.communityOf ?? null };
    download(`graph-${dayjs().format('YYYYMMDD-HHmmss')}.json`, new Blob([JSON.stringify(body, null, 2)], { type: 'application/json' }));
  };

  const searchResults = useQuery({ ...graphQueries.search(q.trim()), enabled: q.trim().length >= 2 });
  const onPick = async (id: string) => {
    setQ('');
    if (!set.entities.has(id)) {
      if (set.entities.size === 0) {
        onSearchChange({ entity: id, complaint: undefined, case: undefined, selected: id });
        return;
      }
      try {
        const g = await queryClient.fetchQuery(graphQueries.neighbourhood({ entityId: id, depth: 1, limit: START_LIMIT }));
        useGraphStore.getState().add(g.entities, g.links, { undoable: true, anchor: null });
      } catch (error) {
        setActionError(error);
        return;
      }
    }
    setTimeout(() => focus(id), 50);
  };

  // Tests and the bench read the canvas through this, in demo mode only.
  useEffect(() => {
    if (import.meta.env.VITE_API_BASE_URL) return;
    window.__jianzhengGraph = {
      counts: () => ({ nodes: cyRef.current?.nodes().length ?? 0, edges: cyRef.current?.edges().length ?? 0 }),
      nodes: () => cyRef.current?.nodes().map((n) => ({ id: n.id(), type: n.data('type') as string, community: n.data('community') as number | null, kind: n.data('kind') as string })) ?? [],
      renderedPosition: (id: string) => {
        const n = cyRef.current?.getElementById(id);
        if (!n || n.empty()) return null;
        const box = cyRef.current!.container()!.getBoundingClientRect();
        const p = n.renderedPosition();
        return { x: box.left + p.x, y: box.top + p.y };
      },
      select: (id: string) => focus(id),
      cy: () => cyRef.current,
      // Bench: lay out and paint a given graph; Louvain in the worker; frame times while panning.
      benchLayout: (g: Graph) =>
        new Promise<number>((resolve) => {
          const t0 = performance.now();
          layoutWaiter.current = () => requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - t0)));
          const s = useGraphStore.getState();
          s.reset();
          s.add(g.entities, g.links);
        }),
      benchCommunities: async (g: Graph) => {
        const t0 = performance.now();
        const { ms } = await detectCommunitiesInWorker(g.entities, g.links, true);
        return { worker: ms, roundTrip: performance.now() - t0 };
      },
      benchPan: (frames: number) =>
        new Promise<number[]>((resolve) => {
          const cy = cyRef.current!;
          const times: number[] = [];
          let last = performance.now();
          const step = (i: number) => {
            cy.panBy({ x: i % 60 < 30 ? 8 : -8, y: 3 });
            requestAnimationFrame((now) => {
              times.push(now - last);
              last = now;
              if (i + 1 < frames) step(i + 1);
              else resolve(times);
            });
          };
          step(0);
        }),
    };
    return () => {
      delete window.__jianzhengGraph;
    };
  }, [focus]);

  const hasGraph = set.entities.size > 0;
  const selected = search.selected ?? null;

  return (
    <Card
      size="small"
      title={
        <Space>
          <ApartmentOutlined />
          {t('nav.graph')}
          {caseQuery.data && <Tag color="blue">{t('graph.caseTag', { title: caseQuery.data.title })}</Tag>}
        </Space>
      }
      styles={{ body: { padding: 8 } }}
      extra={
        <Space wrap size={4}>
          <Segmented<GraphLayoutName>
            size="small"
            value={layoutName}
            data-testid="graph-layout"
            options={GRAPH_LAYOUTS.map((l) => ({ value: l, label: t(`graph.layout.${l}`) }))}
            onChange={(v) => {
              onSearchChange({ layout: v === 'fcose' ? undefined : v });
              setLayoutRun((n) => n + 1);
            }}
          />
          <Button size="small" onClick={() => setLayoutRun((n) => n + 1)} disabled={!hasGraph}>
            {t('graph.relayout')}
          </Button>
          <Tooltip title={t('graph.undoHelp')}>
            <Button size="small" icon={<UndoOutlined />} disabled={!store.undo.length} onClick={() => store.undoLast()} data-testid="graph-undo">
              {t('graph.undo')} ({store.undo.length})
            </Button>
          </Tooltip>
          <Button size="small" icon={<DownloadOutlined />} disabled={!hasGraph} onClick={exportPng} data-testid="graph-export-png">
            PNG
          </Button>
          <Button size="small" icon={<DownloadOutlined />} disabled={!hasGraph} onClick={exportJson} data-testid="graph-export-json">
            JSON
          </Button>
          {caseId && (
            <Button size="small" icon={<SaveOutlined />} disabled={!hasGraph} onClick={() => void onSaveCaseLayout()} data-testid="graph-save-layout">
              {t('graph.saveLayout')}
            </Button>
          )}
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 8 }}>
        <AutoComplete
          style={{ width: 320 }}
          value={q}
          onChange={setQ}
          onSelect={(v: string) => void onPick(v)}
          options={(searchResults.data ?? []).map((e) => ({ value: e.id, label: <EntityLabel entity={e} /> }))}
          data-testid="graph-search"
        >
          <Input.Search aria-label={t('graph.searchPlaceholder')}
          placeholder={t('graph.searchPlaceholder')} allowClear loading={searchResults.isFetching} />
        </AutoComplete>
        <Input.Search
          style={{ width: 260 }}
          aria-label={t('graph.start.complaint')}
          placeholder={t('graph.start.complaint')}
          enterButton={t('graph.start.go')}
          data-testid="graph-start-complaint"
          onSearch={(v) => v.trim() && onSearchChange({ complaint: v.trim(), entity: undefined, case: undefined, selected: undefined })}
        />
        <Button onClick={() => void loadNetwork()} loading={busy && !hasGraph} data-testid="graph-load-network">
          {t('graph.loadNetwork')}
        </Button>
        <Typography.Text type="secondary" data-testid="graph-counts" data-nodes={built.nodes.length} data-edges={built.edges.length} data-entities={built.visibleEntityCount} data-total={set.entities.size}>
          {t('graph.counts', { nodes: built.nodes.length, edges: built.edges.length, entities: built.visibleEntityCount, total: set.entities.size })}
          {lastLayoutMs !== null && ` · ${t('graph.layoutTime', { ms: Math.round(lastLayoutMs) })}`}
        </Typography.Text>
      </Space>
      {store.loadError ? <ApiErrorAlert error={store.loadError} onRetry={() => setAttempt((n) => n + 1)} /> : null}
      {actionError ? <ApiErrorAlert error={actionError} /> : null}
      {savedLayout.isError && <ApiErrorAlert error={savedLayout.error} onRetry={() => void savedLayout.refetch()} />}
      <div style={{ display: 'flex', gap: 8, height: 'calc(100vh - 230px)', minHeight: 420 }}>
        <div style={{ flex: 1, display: 'flex', flexDirection: 'column', gap: 4, minWidth: 0 }}>
        <div
          data-testid="graph-canvas"
          data-loading={store.loading || busy || detecting}
          style={{ position: 'relative', flex: 1, border: '1px solid #f0f0f0', borderRadius: 6, background: '#fafafa', overflow: 'hidden' }}
        >
          {!hasGraph && !store.loading && (
            <div style={{ position: 'absolute', inset: 0, display: 'flex', alignItems: 'center', justifyContent: 'center', zIndex: 1, pointerEvents: 'none' }}>
              <Typography.Text type="secondary" data-testid="graph-empty">
                {t('graph.empty')}
              </Typography.Text>
            </div>
          )}
          <GraphCanvas
            elements={elements}
            layout={layout}
            anchor={anchor}
            pinned={pinned}
            selected={selected}
            highlight={highlight}
            onSelect={select}
            onDoubleTap={onDoubleTap}
            onReady={(cy) => (cyRef.current = cy)}
            onLayoutDone={(ms) => {
              setLastLayoutMs(ms);
              layoutWaiter.current?.();
              layoutWaiter.current = null;
            }}
          />
        </div>
        <Legend />
        </div>
        <div style={{ width: 380, overflow: 'auto' }}>
          <Tabs
            size="small"
            activeKey={tab}
            onChange={setTab}
            items={[
              {
                key: 'details',
                label: t('graph.tabs.details'),
                children: <DetailsPanel selected={selected} set={set} onExpand={(id, lt) => void expand(id, lt)} onCollapse={collapseNode} onFocus={focus} onOpen={onOpen} busy={busy} />,
              },
              { key: 'path', label: <span data-testid="graph-tab-path">{t('graph.tabs.path')}</span>, children: <PathPanel set={set} excludeHubs={excludeHubs} onExcludeHubs={setExcludeHubs} onOpen={onOpen} onSelect={focus} /> },
              {
                key: 'communities',
                label: <span data-testid="graph-tab-communities">{t('graph.tabs.communities')}</span>,
                children: (
                  <CommunityPanel
                    set={set}
                    version={version}
                    excludeHubs={excludeHubs}
                    onExcludeHubs={setExcludeHubs}
                    onDetect={() => void detect()}
                    detecting={detecting}
                    detectError={detectError}
                    onOpen={onOpen}
                    onSelect={focus}
                    onCaseSaved={onCaseSaved}
                  />
                ),
              },
              {
                key: 'filters',
                label: <span data-testid="graph-tab-filters">{t('graph.tabs.filters')}</span>,
                children: <FiltersPanel search={search} onSearchChange={onSearchChange} bounds={bounds} hiddenCount={hidden.size} onShowAll={store.showAll} />,
              },
            ]}
          />
        </div>
      </div>
    </Card>
  );
}

declare global {
  interface Window {
    __jianzhengGraph?: {
      counts: () => { nodes: number; edges: number };
      nodes: () => { id: string; type: string; community: number | null; kind: string }[];
      renderedPosition: (id: string) => { x: number; y: number } | null;
      select: (id: string) => void;
      cy: () => Core | null;
      benchLayout: (g: Graph) => Promise<number>;
      benchCommunities: (g: Graph) => Promise<{ worker: number; roundTrip: number }>;
      benchPan: (frames: number) => Promise<number[]>;
    };
  }
}
