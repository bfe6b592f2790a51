-- The supervisor's reports count the complaints received since a moment: read from an index of the received time
-- (with the number, so the first number of a period is read from the index alone) instead of the whole table.
create index if not exists complaint_received on complaint (received_at, number);
