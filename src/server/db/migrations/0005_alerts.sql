-- 预警: the alerts the early-warning rules raised, and the rules as a lead tuned them (a rule never tuned
-- is not stored: its defaults live with the rules in src/domain/alerts.ts).
CREATE TABLE alerts (
  id text PRIMARY KEY,
  key text NOT NULL,
  rule text NOT NULL,
  status text NOT NULL,
  severity text NOT NULL,
  raised_at timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1,
  doc jsonb NOT NULL
);
-- One alert per finding while it is not closed: a duplicate updates it.
CREATE UNIQUE INDEX alerts_live_key ON alerts (key) WHERE status <> 'closed';
CREATE INDEX alerts_status ON alerts (status, raised_at);

CREATE TABLE alert_rules (
  id text PRIMARY KEY,
  version integer NOT NULL DEFAULT 1,
  doc jsonb NOT NULL
);
