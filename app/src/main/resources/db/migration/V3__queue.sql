-- The agents' queue: open complaints by priority and resolution deadline, optionally of one team. 'open' is
-- kept beside the status because H2 has no partial indexes: with it, the queue of a million-complaint desk is
-- read from the front of an index instead of filtered out of it.
alter table complaint add column if not exists due_at timestamp with time zone;
alter table complaint add column if not exists open boolean default true not null;
create index if not exists complaint_open_queue on complaint (open, priority, due_at, number);
create index if not exists complaint_team_queue on complaint (open, team, priority, due_at, number);
