-- Who has a complaint open in the console, and whether they are writing a reply: every node of the desk shows it
-- to the others on the same complaint. A row not seen for a few seconds is gone (a closed tab, a dead node).
create table if not exists presence (
    complaint_number bigint       not null references complaint (number),
    username         varchar(100) not null,
    state            varchar(16)  not null,
    seen_at          timestamp with time zone not null,
    primary key (complaint_number, username)
);
