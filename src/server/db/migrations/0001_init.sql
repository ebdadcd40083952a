-- Jianzheng schema. Each record keeps the contract's shape in `doc`; the fields that queries filter,
-- sort, join or check are real columns beside it, with foreign keys and a version for optimistic locking.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE meta (
  key text PRIMARY KEY,
  value jsonb NOT NULL
);

CREATE TABLE users (
  id text PRIMARY KEY,
  username text NOT NULL UNIQUE,
  name text NOT NULL,
  role text NOT NULL CHECK (role IN ('analyst', 'lead', 'auditor', 'admin')),
  team text NOT NULL DEFAULT '',
  capacity integer NOT NULL DEFAULT 40 CHECK (capacity > 0),
  away boolean NOT NULL DEFAULT false,
  disabled boolean NOT NULL DEFAULT false,
  password_hash text NOT NULL,
  failed_logins integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- The token's SHA-256 is the key: a database dump holds no usable session.
CREATE TABLE sessions (
  id text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE customers (
  id text PRIMARY KEY,
  version integer NOT NULL DEFAULT 1,
  doc jsonb NOT NULL
);

CREATE TABLE cases (
  id text PRIMARY KEY,
  status text NOT NULL,
  assignee_id text REFERENCES users (id),
  due_at timestamptz NOT NULL,
  version integer NOT NULL,
  doc jsonb NOT NULL
);
CREATE INDEX cases_due ON cases (due_at, id);
CREATE INDEX cases_assignee ON cases (assignee_id);

CREATE TABLE complaints (
  id text PRIMARY KEY,
  customer_id text NOT NULL REFERENCES customers (id),
  case_id text REFERENCES cases (id) DEFERRABLE INITIALLY DEFERRED,
  assignee_id text REFERENCES users (id),
  status text NOT NULL,
  status_rank smallint NOT NULL,
  label text NOT NULL,
  channel text NOT NULL,
  channel_rank smallint NOT NULL,
  grade text NOT NULL,
  signal_bits integer NOT NULL,
  risk_score real NOT NULL,
  family_id text,
  family_size integer NOT NULL,
  received_at timestamptz NOT NULL,
  due_at timestamptz NOT NULL,
  -- What the queue's free-text filter reads, lower-cased: text, names, regulator reference and id.
  search text NOT NULL,
  version integer NOT NULL,
  -- The list's row (the contract's ComplaintRow), kept so a page is read without rebuilding it.
  row jsonb NOT NULL,
  doc jsonb NOT NULL
);
CREATE INDEX complaints_received ON complaints (received_at, id);
CREATE INDEX complaints_due ON complaints (due_at, id);
CREATE INDEX complaints_risk ON complaints (risk_score, id);
CREATE INDEX complaints_channel ON complaints (channel_rank, id);
CREATE INDEX complaints_status_rank ON complaints (status_rank, id);
CREATE INDEX complaints_family_size ON complaints (family_size, id);
CREATE INDEX complaints_status ON complaints (status);
CREATE INDEX complaints_assignee ON complaints (assignee_id, status);
CREATE INDEX complaints_family ON complaints (family_id);
CREATE INDEX complaints_label ON complaints (label);
CREATE INDEX complaints_grade ON complaints (grade);
CREATE INDEX complaints_customer ON complaints (customer_id);
CREATE INDEX complaints_case ON complaints (case_id);
CREATE INDEX complaints_search ON complaints USING gin (search gin_trgm_ops);

CREATE TABLE evidence (
  id text PRIMARY KEY,
  complaint_id text REFERENCES complaints (id) DEFERRABLE INITIALLY DEFERRED,
  case_id text REFERENCES cases (id) DEFERRABLE INITIALLY DEFERRED,
  sha256 text NOT NULL,
  version integer NOT NULL,
  doc jsonb NOT NULL
);
CREATE INDEX evidence_complaint ON evidence (complaint_id);
CREATE INDEX evidence_case ON evidence (case_id);
CREATE INDEX evidence_sha ON evidence (sha256);

CREATE TABLE entities (
  id text PRIMARY KEY,
  type text NOT NULL,
  doc jsonb NOT NULL
);

CREATE TABLE links (
  id text PRIMARY KEY,
  source text NOT NULL REFERENCES entities (id) DEFERRABLE INITIALLY DEFERRED,
  target text NOT NULL REFERENCES entities (id) DEFERRABLE INITIALLY DEFERRED,
  type text NOT NULL,
  doc jsonb NOT NULL
);
CREATE INDEX links_source ON links (source);
CREATE INDEX links_target ON links (target);

CREATE TABLE referrals (
  id text PRIMARY KEY,
  case_id text NOT NULL REFERENCES cases (id) DEFERRABLE INITIALLY DEFERRED,
  status text NOT NULL,
  version integer NOT NULL,
  doc jsonb NOT NULL
);
CREATE INDEX referrals_case ON referrals (case_id);

CREATE TABLE graph_layouts (
  case_id text PRIMARY KEY REFERENCES cases (id) DEFERRABLE INITIALLY DEFERRED,
  version integer NOT NULL,
  doc jsonb NOT NULL
);

-- Clear personal data, apart from the records (which carry masked values only); read by the reveal endpoint alone.
CREATE TABLE pii (
  key text PRIMARY KEY,
  value text NOT NULL
);

-- Uploads in progress: shared by every server process, removed when completed or abandoned.
CREATE TABLE uploads (
  id text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users (id),
  file_name text NOT NULL,
  size bigint NOT NULL,
  complaint_id text,
  case_id text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE upload_chunks (
  upload_id text NOT NULL REFERENCES uploads (id) ON DELETE CASCADE,
  index integer NOT NULL,
  bytes bytea NOT NULL,
  PRIMARY KEY (upload_id, index)
);

-- The trail. Each event's hash is sha256(previous hash ‖ canonical event), so an edit anywhere breaks the chain
-- from there on; and the database itself refuses to change or remove a row.
CREATE TABLE audit_events (
  seq bigint PRIMARY KEY,
  id text NOT NULL UNIQUE,
  at timestamptz NOT NULL,
  actor_id text NOT NULL,
  action text NOT NULL,
  record_type text NOT NULL,
  record_id text NOT NULL,
  summary text NOT NULL,
  reason text,
  prev_hash text NOT NULL,
  hash text NOT NULL
);
CREATE INDEX audit_record ON audit_events (record_type, record_id);
CREATE INDEX audit_actor ON audit_events (actor_id);
CREATE INDEX audit_at ON audit_events (at);

CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP;
END;
$$;
CREATE TRIGGER audit_events_no_update BEFORE UPDATE OR DELETE ON audit_events FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
