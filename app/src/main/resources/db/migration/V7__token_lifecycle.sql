-- API tokens end: at the time set when they were made, when they are revoked, and when their user's password changes
-- or the user is deactivated. The first migration that alters a table holding data: existing tokens keep working.
alter table api_token add column expires_at timestamp with time zone;
alter table api_token add column revoked_at timestamp with time zone;
