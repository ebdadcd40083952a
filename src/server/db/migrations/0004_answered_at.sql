-- When each complaint was answered: the queue's "answered within / after the deadline" filters read it.
-- Records answered before it was kept take their last change, as answeredAtOf in src/domain/deadlines.ts does.
ALTER TABLE complaints ADD COLUMN answered_at timestamptz;
UPDATE complaints
SET answered_at = COALESCE((doc->>'answeredAt')::timestamptz, (doc->>'updatedAt')::timestamptz)
WHERE status IN ('answered', 'closed');
