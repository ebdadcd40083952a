import type { Translate } from '@/lib/translate';
import { useTranslation } from 'react-i18next';
import type { Grade } from '@/api/schemas';
import { Pill, type PillColor } from './Pill';

const COLORS: Record<Grade, PillColor> = { level1: 'red', level2: 'orange', normal: 'green' };

/** 一级 / 二级 异常维权 or 正常, in the colours the team already uses. */
export function GradeBadge({ grade }: { grade: Grade }) {
  const { t } = useTranslation();
  return <GradeTag grade={grade} t={t} />;
}

/** The badge without hooks, for lists that render hundreds and translate once for all of them. */
export function GradeTag({ grade, t }: { grade: Grade; t: Translate }) {
  return (
    <Pill color={COLORS[grade]} data-testid="grade-badge" data-grade={grade} style={{ marginInlineEnd: 0 }}>
      {t(`grade.${grade}`)}
    </Pill>
  );
}
