import { Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { entityTypeSchema, type EntityType } from '@/api/schemas';
import { ENTITY_LOOK } from '../model/styles';

const SHAPE_RADIUS: Record<string, string> = { ellipse: '50%', 'round-rectangle': '4px', rectangle: '0', barrel: '30%' };

/** A glyph in the entity type's colour and (roughly) its shape, as on the canvas. */
export function TypeSwatch({ type }: { type: EntityType }) {
  const look = ENTITY_LOOK[type];
  const clip =
    look.shape === 'triangle'
      ? 'polygon(50% 0, 100% 100%, 0 100%)'
      : look.shape === 'diamond'
        ? 'polygon(50% 0, 100% 50%, 50% 100%, 0 50%)'
        : look.shape === 'star'
          ? 'polygon(50% 0,61% 35%,98% 35%,68% 57%,79% 91%,50% 70%,21% 91%,32% 57%,2% 35%,39% 35%)'
          : look.shape === 'hexagon' || look.shape === 'octagon' || look.shape === 'pentagon'
            ? 'polygon(25% 0,75% 0,100% 50%,75% 100%,25% 100%,0 50%)'
            : look.shape === 'tag'
              ? 'polygon(0 0,75% 0,100% 50%,75% 100%,0 100%)'
              : undefined;
  return (
    <span
      aria-hidden
      style={{
        display: 'inline-flex',
        alignItems: 'center',
        justifyContent: 'center',
        width: 18,
        height: 18,
        fontSize: 10,
        color: '#fff',
        background: look.color,
        borderRadius: SHAPE_RADIUS[look.shape] ?? 0,
        clipPath: clip,
        flex: 'none',
      }}
    >
      {look.glyph}
    </span>
  );
}

export function Legend() {
  const { t } = useTranslation();
  return (
    <Space size={[12, 4]} wrap data-testid="graph-legend" style={{ fontSize: 12 }}>
      {entityTypeSchema.options.map((type) => (
        <Space key={type} size={4}>
          <TypeSwatch type={type} />
          <Typography.Text style={{ fontSize: 12 }}>{t(`graph.entityType.${type}`)}</Typography.Text>
        </Space>
      ))}
      <Space size={4}>
        <span aria-hidden style={{ display: 'inline-block', width: 16, height: 16, border: '3px dashed #000', borderRadius: '50%' }} />
        <Typography.Text style={{ fontSize: 12 }}>{t('graph.hub')}</Typography.Text>
      </Space>
    </Space>
  );
}
