-- The queue breaks ties by id ascending whichever way a column is sorted (the rule in src/domain/complaints.ts).
-- Descending sorts read these in index order; ascending ones the (column, id) indexes of 0001.
CREATE INDEX complaints_received_desc ON complaints (received_at DESC, id);
CREATE INDEX complaints_due_desc ON complaints (due_at DESC, id);
CREATE INDEX complaints_risk_desc ON complaints (risk_score DESC, id);
CREATE INDEX complaints_channel_desc ON complaints (channel_rank DESC, id);
CREATE INDEX complaints_status_rank_desc ON complaints (status_rank DESC, id);
CREATE INDEX complaints_family_size_desc ON complaints (family_size DESC, id);
