import { KeyboardCode, type KeyboardCoordinateGetter } from '@dnd-kit/core';

/**
 * Keyboard drag on the board moves a card a whole column at a time (← →), skipping columns that take no
 * work (people away), instead of dnd-kit's default 25 px per key press.
 */
export const columnKeyboardCoordinates: KeyboardCoordinateGetter = (event, { context }) => {
  if (event.code !== KeyboardCode.Left && event.code !== KeyboardCode.Right && event.code !== KeyboardCode.Up && event.code !== KeyboardCode.Down) return undefined;
  // Up and down would only scroll the page under a held card.
  event.preventDefault();
  const { collisionRect, droppableRects, droppableContainers } = context;
  if (!collisionRect || event.code === KeyboardCode.Up || event.code === KeyboardCode.Down) return undefined;
  const centre = collisionRect.left + collisionRect.width / 2;
  const columns = droppableContainers
    .getEnabled()
    .map((c) => droppableRects.get(c.id))
    .filter((r): r is NonNullable<typeof r> => !!r)
    .sort((a, b) => a.left - b.left);
  const target = event.code === KeyboardCode.Right ? columns.find((r) => r.left > centre) : columns.findLast((r) => r.right < centre);
  // Just inside the column's top-left corner, so the card overlaps that column and no other.
  return target ? { x: target.left + 4, y: target.top + 4 } : undefined;
};
