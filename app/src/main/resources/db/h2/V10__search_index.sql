-- The search index on H2: each word of a complaint (its subject, its messages, its customer's name and addresses,
-- folded to lower case without diacritics) is a row, so that a word, or the start of one, is a range of the
-- primary key. Derived from the rest of the desk: never backed up, rebuilt by the desk when rows are missing.
create table if not exists complaint_search (
    complaint_number bigint primary key references complaint (number)
);

create table if not exists search_term (
    term             varchar(64) not null,
    complaint_number bigint      not null,
    primary key (term, complaint_number)
);

create index if not exists search_term_by_complaint on search_term (complaint_number);
