import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Button, Input, Space, Tag, Typography } from 'antd';
import { DownOutlined, UpOutlined, ZoomInOutlined, ZoomOutOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Annotation } from '@/api/schemas';
import { pdfjs, type PDFDocumentProxy, type PDFPageProxy } from '@/lib/pdfjs';
import { findInPages, type PageText, type TextHit } from '../lib/pdf-search';
import { RectLayer, type Rect } from './RectLayer';
import textLayerStyles from './PdfTextLayer.module.css';

type Props = {
  doc: PDFDocumentProxy;
  annotations: Annotation[];
  onDraw?: (page: number, rect: Rect) => void;
  highlightId?: string | null;
  /** Page 1 is on screen (the custody trail records a viewing once the document is shown). */
  onFirstPageDrawn?: () => void;
};


/**
 * One page: canvas rendered when it comes near the viewport, pdf.js's text layer over it (so names, numbers and
 * dates can be selected and copied), hits and annotations laid over that in fractions.
 */
function PdfPage({ doc, pageNumber, scale, baseWidth, hits, activeHit, annotations, onDraw, highlightId, registerRef, onRendered }: {
  doc: PDFDocumentProxy;
  pageNumber: number;
  scale: number;
  baseWidth: number;
  hits: TextHit[];
  activeHit: TextHit | null;
  annotations: Annotation[];
  onDraw?: (rect: Rect) => void;
  highlightId?: string | null;
  registerRef: (n: number, el: HTMLDivElement | null) => void;
  onRendered?: () => void;
}) {
  const holder = useRef<HTMLDivElement | null>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const textLayer = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState<{ w: number; h: number } | null>(null);
  const [visible, setVisible] = useState(pageNumber === 1);
  const [rendered, setRendered] = useState(false);

  useEffect(() => {
    let cancelled = false;
    void doc.getPage(pageNumber).then((p: PDFPageProxy) => {
      if (cancelled) return;
      const vp = p.getViewport({ scale: 1 });
      setSize({ w: vp.width, h: vp.height });
    });
    return () => {
      cancelled = true;
    };
  }, [doc, pageNumber]);

  useEffect(() => {
    const el = holder.current;
    if (!el) return;
    const io = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setVisible(true), { rootMargin: '600px' });
    io.observe(el);
    return () => io.disconnect();
  }, []);

  useEffect(() => {
    if (!visible || !size || !canvas.current) return;
    let task: { cancel: () => void; promise: Promise<void> } | null = null;
    let text: InstanceType<typeof pdfjs.TextLayer> | null = null;
    let cancelled = false;
    void doc.getPage(pageNumber).then((p) => {
      if (cancelled || !canvas.current) return;
      const dpr = window.devicePixelRatio || 1;
      const vp = p.getViewport({ scale: (baseWidth / size.w) * scale * dpr });
      const c = canvas.current;
      c.width = Math.ceil(vp.width);
      c.height = Math.ceil(vp.height);
      task = p.render({ canvas: c, canvasContext: c.getContext('2d')!, viewport: vp });
      task.promise
        .then(() => {
          if (cancelled) return;
          setRendered(true);
          onRendered?.();
        })
        .catch(() => undefined);
      const layer = textLayer.current;
      if (layer) {
        // The text layer is laid out in CSS pixels; pdf.js scales for the device pixel ratio itself.
        const cssViewport = p.getViewport({ scale: (baseWidth / size.w) * scale });
        layer.replaceChildren();
        layer.style.setProperty('--total-scale-factor', String(cssViewport.scale));
        text = new pdfjs.TextLayer({ textContentSource: p.streamTextContent(), container: layer, viewport: cssViewport });
        text.render().catch(() => undefined);
      }
    });
    return () => {
      cancelled = true;
      task?.cancel();
      text?.cancel();
    };
  }, [doc, pageNumber, visible, size, scale, baseWidth, onRendered]);

  const width = baseWidth * scale;
  const height = size ? (width * size.h) / size.w : width * 1.414;
  return (
    <div
      ref={(el) => {
        holder.current = el;
        registerRef(pageNumber, el);
      }}
      data-testid="pdf-page"
      data-page={pageNumber}
      data-rendered={rendered ? 'true' : 'false'}
      style={{ position: 'relative', width, height, margin: '0 auto 12px', background: '#fff', boxShadow: '0 1px 4px rgba(0,0,0,.2)' }}
    >
      <canvas ref={canvas} style={{ width: '100%', height: '100%', display: 'block' }} aria-hidden />
      <div ref={textLayer} className={textLayerStyles.layer} data-testid="pdf-text-layer" lang="zh-CN" />
      {hits.map((h, i) =>
        h.rects.map((r, j) => (
          <div
            key={`${i}-${j}`}
            data-testid="pdf-hit"
            data-active={h === activeHit ? 'true' : 'false'}
            style={{ position: 'absolute', left: `${r.x * 100}%`, top: `${r.y * 100}%`, width: `${r.w * 100}%`, height: `${r.h * 100}%`, background: h === activeHit ? 'rgba(250,84,28,.45)' : 'rgba(250,219,20,.45)', pointerEvents: 'none' }}
          />
        )),
      )}
      <RectLayer annotations={annotations.filter((a) => a.page === pageNumber)} onDraw={onDraw} highlightId={highlightId} />
    </div>
  );
}

function Thumbnail({ doc, pageNumber, active, onClick, enabled }: { doc: PDFDocumentProxy; pageNumber: number; active: boolean; onClick: () => void; enabled: boolean }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    const el = canvas.current;
    if (!el) return;
    const io = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setVisible(true), { rootMargin: '300px' });
    io.observe(el);
    return () => io.disconnect();
  }, []);
  useEffect(() => {
    // Thumbnails wait for page 1 and for their own turn on screen: a 50-page file must not render 50 canvases first.
    if (!enabled || !visible) return;
    let task: { cancel: () => void; promise: Promise<void> } | null = null;
    let cancelled = false;
    void doc.getPage(pageNumber).then((p) => {
      if (cancelled || !canvas.current) return;
      const vp = p.getViewport({ scale: 96 / p.getViewport({ scale: 1 }).width });
      canvas.current.width = Math.ceil(vp.width);
      canvas.current.height = Math.ceil(vp.height);
      task = p.render({ canvas: canvas.current, canvasContext: canvas.current.getContext('2d')!, viewport: vp });
      task.promise.catch(() => undefined);
    });
    return () => {
      cancelled = true;
      task?.cancel();
    };
  }, [doc, pageNumber, enabled, visible]);
  return (
    <button type="button" data-testid="pdf-thumb" data-page={pageNumber} onClick={onClick} style={{ display: 'block', border: active ? '2px solid #1677ff' : '1px solid #d9d9d9', padding: 2, marginBottom: 8, background: '#fff', cursor: 'pointer' }}>
      <canvas ref={canvas} style={{ width: 96, minHeight: 60, display: 'block' }} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {pageNumber}
      </Typography.Text>
    </button>
  );
}

/** pdf.js viewer: thumbnails, pages, zoom, and text search that finds Chinese and highlights every hit. */
export function PdfViewer({ doc, annotations, onDraw, highlightId, onFirstPageDrawn }: Props) {
  const { t } = useTranslation();
  const [scale, setScale] = useState(1);
  const [page, setPage] = useState(1);
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<TextHit[] | null>(null);
  const [active, setActive] = useState(0);
  const [searching, setSearching] = useState(false);
  const [firstDrawn, setFirstDrawn] = useState(false);
  const markFirstDrawn = useCallback(() => setFirstDrawn(true), []);
  useEffect(() => {
    if (firstDrawn) onFirstPageDrawn?.();
  }, [firstDrawn, onFirstPageDrawn]);
  const texts = useRef<Map<number, PageText>>(new Map());
  const pageEls = useRef<Map<number, HTMLDivElement>>(new Map());
  const scroller = useRef<HTMLDivElement>(null);
  const pages = useMemo(() => Array.from({ length: doc.numPages }, (_, i) => i + 1), [doc]);
  // 100% means "page width fits the pane"; the pane's width is measured, not assumed.
  const [baseWidth, setBaseWidth] = useState(640);
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setBaseWidth(Math.max(240, Math.round(el.clientWidth / 10) * 10 - 40)));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const goTo = (n: number) => {
    setPage(n);
    pageEls.current.get(n)?.scrollIntoView({ block: 'start' });
  };

  const search = async (q: string) => {
    setQuery(q);
    if (!q.trim()) {
      setHits(null);
      return;
    }
    setSearching(true);
    try {
      for (const n of pages) {
        if (texts.current.has(n)) continue;
        const p = await doc.getPage(n);
        const content = await p.getTextContent();
        const vp = p.getViewport({ scale: 1 });
        texts.current.set(n, { page: n, width: vp.width, height: vp.height, transform: vp.transform, items: content.items.filter((i) => 'str' in i) as PageText['items'] });
      }
      const found = findInPages([...texts.current.values()].sort((a, b) => a.page - b.page), q);
      setHits(found);
      setActive(0);
      if (found[0]) goTo(found[0].page);
    } finally {
      setSearching(false);
    }
  };

  const activeHit = hits?.[active] ?? null;
  const step = (d: number) => {
    if (!hits?.length) return;
    const next = (active + d + hits.length) % hits.length;
    setActive(next);
    goTo(hits[next].page);
  };

  return (
    <div data-testid="pdf-viewer" data-pages={doc.numPages}>
      <Space style={{ marginBottom: 8 }} wrap>
        <Button size="small" icon={<ZoomOutOutlined />} data-testid="pdf-zoom-out" aria-label={t('evidence.image.zoomOut')} onClick={() => setScale((s) => Math.max(0.4, s / 1.2))} />
        <span data-testid="pdf-zoom">{Math.round(scale * 100)}%</span>
        <Button size="small" icon={<ZoomInOutlined />} data-testid="pdf-zoom-in" aria-label={t('evidence.image.zoomIn')} onClick={() => setScale((s) => Math.min(4, s * 1.2))} />
        <Typography.Text data-testid="pdf-page-indicator">{t('evidence.pdf.page', { page, total: doc.numPages })}</Typography.Text>
        <Input.Search
          size="small"
          allowClear
          aria-label={t('evidence.pdf.searchPlaceholder')}
          placeholder={t('evidence.pdf.searchPlaceholder')}
          data-testid="pdf-search"
          loading={searching}
          onSearch={(v) => void search(v)}
          style={{ width: 240 }}
        />
        {hits && (
          <>
            <Tag color={hits.length ? 'gold' : 'default'} data-testid="pdf-hit-count">
              {hits.length ? t('evidence.pdf.hits', { current: active + 1, count: hits.length }) : t('evidence.pdf.noHits', { query })}
            </Tag>
            <Button size="small" icon={<UpOutlined />} disabled={!hits.length} onClick={() => step(-1)} aria-label={t('evidence.pdf.prevHit')} />
            <Button size="small" icon={<DownOutlined />} disabled={!hits.length} onClick={() => step(1)} aria-label={t('evidence.pdf.nextHit')} />
          </>
        )}
      </Space>
      <div style={{ display: 'flex', gap: 12, height: 640 }}>
        <div style={{ width: 116, overflowY: 'auto', flex: 'none' }} data-testid="pdf-thumbs">
          {pages.map((n) => (
            <Thumbnail key={n} doc={doc} pageNumber={n} active={n === page} onClick={() => goTo(n)} enabled={firstDrawn} />
          ))}
        </div>
        <div
          ref={scroller}
          style={{ flex: 1, overflow: 'auto', background: '#e8e8e8', padding: 12 }}
          onScroll={(e) => {
            const top = e.currentTarget.getBoundingClientRect().top;
            let current = 1;
            for (const [n, el] of pageEls.current) if (el.getBoundingClientRect().top - top < 120) current = Math.max(current, n);
            setPage(current);
          }}
        >
          {pages.map((n) => (
            <PdfPage
              key={n}
              doc={doc}
              pageNumber={n}
              scale={scale}
              baseWidth={baseWidth}
              hits={hits?.filter((h) => h.page === n) ?? []}
              activeHit={activeHit}
              annotations={annotations}
              onDraw={onDraw ? (r) => onDraw(n, r) : undefined}
              highlightId={highlightId}
              registerRef={(num, el) => (el ? pageEls.current.set(num, el) : pageEls.current.delete(num))}
              onRendered={n === 1 ? markFirstDrawn : undefined}
            />
          ))}
        </div>
      </div>
    </div>
  );
}
