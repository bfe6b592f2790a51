-- What a user chose and expects to find again on any browser or node: the queue's view, narrowing and sort.
create table if not exists user_preference (
    username   varchar(100)  not null,
    name       varchar(100)  not null,
    chosen     varchar(2000) not null,
    primary key (username, name)
);
