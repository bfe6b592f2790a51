-- Calls are looked up by the calling number (three calls in a day are a repeat issue), and open callback promises
-- by the caller's complaints. Indexes only, no ALTER TABLE (see V1).
create index if not exists complaint_entry_by_caller on complaint_entry (author, kind, at);
create index if not exists promise_by_complaint on promise (complaint_number, state);
