-- The supervisor's reports count the complaints received since a moment: read from an index of the received time
-- instead of the whole table, at a million complaints.
create index if not exists complaint_received on complaint (received_at);
