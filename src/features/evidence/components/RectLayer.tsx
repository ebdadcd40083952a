import { useRef, useState, type PointerEvent } from 'react';
import { Tooltip } from 'antd';
import type { Annotation } from '@/api/schemas';

export type Rect = Annotation['rect'];

type Props = {
  annotations: Annotation[];
  /** When set, dragging draws a new rectangle (in fractions of the layer) and hands it over. */
  onDraw?: (rect: Rect) => void;
  highlightId?: string | null;
};

const clamp = (v: number) => Math.min(1, Math.max(0, v));

/** Annotation rectangles over a page or image, stored as fractions so they survive zoom, rotation of the view and resizing. */
export function RectLayer({ annotations, onDraw, highlightId }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const [start, setStart] = useState<{ x: number; y: number } | null>(null);
  const [draft, setDraft] = useState<Rect | null>(null);

  const at = (e: PointerEvent) => {
    const box = ref.current!.getBoundingClientRect();
    return { x: clamp((e.clientX - box.left) / box.width), y: clamp((e.clientY - box.top) / box.height) };
  };
  const rectFrom = (a: { x: number; y: number }, b: { x: number; y: number }): Rect => ({ x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), w: Math.abs(a.x - b.x), h: Math.abs(a.y - b.y) });

  return (
    <div
      ref={ref}
      data-testid="rect-layer"
      style={{ position: 'absolute', inset: 0, cursor: onDraw ? 'crosshair' : undefined, pointerEvents: onDraw ? 'auto' : 'none' }}
      onPointerDown={(e) => {
        if (!onDraw) return;
        e.stopPropagation();
        (e.target as HTMLElement).setPointerCapture?.(e.pointerId);
        const p = at(e);
        setStart(p);
        setDraft({ ...p, w: 0, h: 0 });
      }}
      onPointerMove={(e) => {
        if (start) setDraft(rectFrom(start, at(e)));
      }}
      onPointerUp={(e) => {
        if (!start) return;
        const r = rectFrom(start, at(e));
        setStart(null);
        setDraft(null);
        if (r.w > 0.005 && r.h > 0.005) onDraw?.(r);
      }}
    >
      {annotations.map((a) => (
        <Tooltip key={a.id} title={a.note}>
          <div
            data-testid="annotation-rect"
            style={{
              position: 'absolute',
              left: `${a.rect.x * 100}%`,
              top: `${a.rect.y * 100}%`,
              width: `${a.rect.w * 100}%`,
              height: `${a.rect.h * 100}%`,
              border: `2px solid ${a.id === highlightId ? '#fa541c' : '#1677ff'}`,
              background: 'rgba(22,119,255,0.08)',
              pointerEvents: 'auto',
            }}
          />
        </Tooltip>
      ))}
      {draft && (
        <div style={{ position: 'absolute', left: `${draft.x * 100}%`, top: `${draft.y * 100}%`, width: `${draft.w * 100}%`, height: `${draft.h * 100}%`, border: '2px dashed #fa541c' }} />
      )}
    </div>
  );
}
