import { useEffect, useRef, useState, type CSSProperties } from 'react';
import { Button, Space, Tooltip } from 'antd';
import { CompressOutlined, RotateRightOutlined, ZoomInOutlined, ZoomOutOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Annotation } from '@/api/schemas';
import { RectLayer, type Rect } from './RectLayer';

/** Zoom is relative to "fit"; x/y are the pan offset in screen pixels. Shared by both sides of a comparison. */
export type ImageView = { zoom: number; x: number; y: number; rotation: 0 | 90 | 180 | 270 };
export const FIT_VIEW: ImageView = { zoom: 1, x: 0, y: 0, rotation: 0 };

type Props = {
  src: string;
  alt: string;
  view: ImageView;
  onViewChange: (v: ImageView) => void;
  annotations?: Annotation[];
  onDraw?: (rect: Rect) => void;
  highlightId?: string | null;
  height?: number | string;
  testId?: string;
};

const clampZoom = (z: number) => Math.min(16, Math.max(0.1, z));

/**
 * An image is only ever an <img>: an SVG's scripts and external loads do not run there. Fit, zoom (wheel or
 * buttons), pan (drag), rotate by quarter turns; annotations ride on the image so they follow every transform.
 */
export function ImageViewer({ src, alt, view, onViewChange, annotations = [], onDraw, highlightId, height = 560, testId = 'image-viewer' }: Props) {
  const { t } = useTranslation();
  const frame = useRef<HTMLDivElement>(null);
  const [natural, setNatural] = useState<{ w: number; h: number } | null>(null);
  const [box, setBox] = useState<{ w: number; h: number }>({ w: 800, h: 560 });
  const drag = useRef<{ x: number; y: number; vx: number; vy: number } | null>(null);
  const [dragging, setDragging] = useState(false);
  const viewRef = useRef(view);
  useEffect(() => {
    viewRef.current = view;
  }, [view]);

  useEffect(() => {
    const el = frame.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setBox({ w: el.clientWidth, h: el.clientHeight }));
    ro.observe(el);
    // Wheel must be non-passive to keep the page from scrolling while zooming.
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const v = viewRef.current;
      onViewChange({ ...v, zoom: clampZoom(v.zoom * (e.deltaY < 0 ? 1.15 : 1 / 1.15)) });
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => {
      ro.disconnect();
      el.removeEventListener('wheel', onWheel);
    };
  }, [onViewChange]);

  const quarter = view.rotation % 180 !== 0;
  const fit = natural ? Math.min(box.w / (quarter ? natural.h : natural.w), box.h / (quarter ? natural.w : natural.h)) : 1;
  const scale = fit * view.zoom;
  const imgStyle: CSSProperties = natural
    ? {
        position: 'absolute',
        left: '50%',
        top: '50%',
        width: natural.w,
        height: natural.h,
        transform: `translate(-50%, -50%) translate(${view.x}px, ${view.y}px) rotate(${view.rotation}deg) scale(${scale})`,
        transformOrigin: 'center',
      }
    : { position: 'absolute', visibility: 'hidden' };

  return (
    <div data-testid={testId} data-zoom={view.zoom.toFixed(3)} data-rotation={view.rotation} data-pan={`${Math.round(view.x)},${Math.round(view.y)}`}>
      <Space style={{ marginBottom: 8 }} wrap>
        <Tooltip title={t('evidence.image.zoomIn')}>
          <Button size="small" icon={<ZoomInOutlined />} data-testid="zoom-in" aria-label={t('evidence.image.zoomIn')} onClick={() => onViewChange({ ...view, zoom: clampZoom(view.zoom * 1.25) })} />
        </Tooltip>
        <Tooltip title={t('evidence.image.zoomOut')}>
          <Button size="small" icon={<ZoomOutOutlined />} data-testid="zoom-out" aria-label={t('evidence.image.zoomOut')} onClick={() => onViewChange({ ...view, zoom: clampZoom(view.zoom / 1.25) })} />
        </Tooltip>
        <Tooltip title={t('evidence.image.rotate')}>
          <Button size="small" icon={<RotateRightOutlined />} data-testid="rotate" aria-label={t('evidence.image.rotate')} onClick={() => onViewChange({ ...view, rotation: ((view.rotation + 90) % 360) as ImageView['rotation'] })} />
        </Tooltip>
        <Button size="small" icon={<CompressOutlined />} data-testid="fit" onClick={() => onViewChange({ ...FIT_VIEW, rotation: view.rotation })}>
          {t('evidence.image.fit')}
        </Button>
        <span data-testid="zoom-level">{Math.round(scale * 100)}%</span>
      </Space>
      <div
        ref={frame}
        style={{ position: 'relative', height, overflow: 'hidden', background: '#f0f2f5', border: '1px solid #d9d9d9', cursor: onDraw ? 'crosshair' : dragging ? 'grabbing' : 'grab', touchAction: 'none' }}
        onPointerDown={(e) => {
          if (onDraw) return;
          drag.current = { x: e.clientX, y: e.clientY, vx: view.x, vy: view.y };
          setDragging(true);
          (e.currentTarget as HTMLElement).setPointerCapture?.(e.pointerId);
        }}
        onPointerMove={(e) => {
          const d = drag.current;
          if (d) onViewChange({ ...viewRef.current, x: d.vx + e.clientX - d.x, y: d.vy + e.clientY - d.y });
        }}
        onPointerUp={() => {
          drag.current = null;
          setDragging(false);
        }}
      >
        <div style={imgStyle}>
          <img
            src={src}
            alt={alt}
            draggable={false}
            onLoad={(e) => setNatural({ w: e.currentTarget.naturalWidth || 800, h: e.currentTarget.naturalHeight || 600 })}
            style={{ width: '100%', height: '100%', display: 'block', userSelect: 'none', background: '#fff' }}
          />
          <RectLayer annotations={annotations.filter((a) => a.page === null)} onDraw={onDraw} highlightId={highlightId} />
        </div>
      </div>
    </div>
  );
}
