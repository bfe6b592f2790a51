-- The search index on PostgreSQL: a complaint's words (its subject, its messages, its customer's name and addresses,
-- folded to lower case without diacritics by the desk) as a tsvector under a GIN index, which full-text queries
-- with prefixes answer. Derived from the rest of the desk: never backed up, rebuilt by the desk when rows are missing.
create table if not exists complaint_search (
    complaint_number bigint   primary key references complaint (number),
    terms            tsvector not null
);

create index if not exists complaint_search_terms on complaint_search using gin (terms);
