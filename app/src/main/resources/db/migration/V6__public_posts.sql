-- What was said where others read it: a customer's public posts (a mention, a reply on a network) and the desk's
-- public answers. The desk answers a public post in public by default and checks those answers for personal data.
-- Tables of their own rather than new columns: no ALTER TABLE on a desk that a kill may stop mid-migration (see V1).
create table if not exists public_post (
    complaint_number bigint        not null references complaint (number),
    external_id      varchar(1000) not null,
    primary key (complaint_number, external_id)
);

create table if not exists public_answer (
    reply_id varchar(200) primary key references outbound_message (reply_id)
);

-- The automatic-answer limit counts what the desk sent to an address in the last hour, from here (not from memory).
create index if not exists outbound_by_recipient on outbound_message (recipient, sent_at);
