-- Industry sharing: the institutions of the alliance (ourselves and the peers whose signing keys an admin
-- pinned) and the lead-matching sessions with them. Our signing key's secret half lives in the pii table,
-- which only the routes that sign read.
CREATE TABLE institutions (
  id text PRIMARY KEY,
  self boolean NOT NULL,
  revoked boolean NOT NULL DEFAULT false,
  version integer NOT NULL DEFAULT 1,
  doc jsonb NOT NULL
);
CREATE UNIQUE INDEX institutions_one_self ON institutions (self) WHERE self;

CREATE TABLE sharing_sessions (
  id text PRIMARY KEY,
  peer_id text NOT NULL REFERENCES institutions (id) DEFERRABLE INITIALLY DEFERRED,
  status text NOT NULL,
  version integer NOT NULL DEFAULT 1,
  doc jsonb NOT NULL
);
CREATE INDEX sharing_sessions_peer ON sharing_sessions (peer_id);
