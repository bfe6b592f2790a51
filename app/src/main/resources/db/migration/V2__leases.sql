-- Leases: which node does a piece of work that only one node may do at a time (poll a channel instance, run a
-- scheduled job). A lease expires, so the work of a node that died is taken over once its lease runs out.
create table if not exists lease (
    name        varchar(300) primary key,
    holder      varchar(200) not null,
    acquired_at timestamp with time zone not null,
    expires_at  timestamp with time zone not null
);
