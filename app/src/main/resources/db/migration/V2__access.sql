-- Who may use the desk from outside: browser sessions (several nodes share them through the database) and API
-- tokens for other systems. Only hashes of session ids and tokens are stored, so a copy of the database opens
-- no session.
create table if not exists web_session (
    id_hash    varchar(64)  primary key,
    username   varchar(100) not null references desk_user (username),
    csrf       varchar(64)  not null,
    created_at timestamp with time zone not null,
    expires_at timestamp with time zone not null
);

create table if not exists api_token (
    token_hash   varchar(64)  primary key,
    username     varchar(100) not null references desk_user (username),
    name         varchar(200) not null,
    created_at   timestamp with time zone not null,
    last_used_at timestamp with time zone
);
