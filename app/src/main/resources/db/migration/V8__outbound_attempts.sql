-- An outgoing message is marked as being sent before the channel speaks to its server: after a crash the desk, and
-- whoever reads the complaint, can tell a message never tried from one whose outcome was cut short.
alter table outbound_message add column attempts integer default 0 not null;
alter table outbound_message add column attempted_at timestamp with time zone;
