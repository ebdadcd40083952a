-- What an event says, as data (kind, from, to, related record …), so every reader gets a sentence in their
-- language. Older rows keep NULL and hash as before; the column is part of the hash where it is set.
ALTER TABLE audit_events ADD COLUMN detail jsonb;
