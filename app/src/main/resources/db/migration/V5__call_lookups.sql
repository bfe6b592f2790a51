-- Calls are looked up by the calling number (three calls in a day are a repeat issue), open callback promises by
-- the caller's complaints, and what the desk sent by complaint (its delivery state on the complaint page). Indexes only, no ALTER TABLE (see V1).
create index if not exists complaint_entry_by_caller on complaint_entry (author, kind, at);
create index if not exists promise_by_complaint on promise (complaint_number, state);
create index if not exists outbound_by_complaint on outbound_message (complaint_number, created_at);
