-- The supervisor's figures kept on each complaint's row, so that a report over a period reads the complaints of
-- the period and nothing else (no join with their clocks and entries, which are four and three times as many rows):
-- how many replies and customer contacts the complaint has (first-contact resolution), and per SLA metric how many of
-- its clocks stopped, how many of those met their target, and whether its current clock runs past its deadline as
-- the SLA job last saw it. The desk writes them with the complaint (store/ComplaintFigures); this fills them for the
-- complaints already there. Written again by hand (ReportCountsTest) it must give the same figures.
alter table complaint add column if not exists replies integer default 0 not null;
alter table complaint add column if not exists contacts integer default 0 not null;
alter table complaint add column if not exists sla_acknowledgement_met integer default 0 not null;
alter table complaint add column if not exists sla_acknowledgement_stopped integer default 0 not null;
alter table complaint add column if not exists sla_acknowledgement_late integer default 0 not null;
alter table complaint add column if not exists sla_first_response_met integer default 0 not null;
alter table complaint add column if not exists sla_first_response_stopped integer default 0 not null;
alter table complaint add column if not exists sla_first_response_late integer default 0 not null;
alter table complaint add column if not exists sla_next_update_met integer default 0 not null;
alter table complaint add column if not exists sla_next_update_stopped integer default 0 not null;
alter table complaint add column if not exists sla_next_update_late integer default 0 not null;
alter table complaint add column if not exists sla_resolution_met integer default 0 not null;
alter table complaint add column if not exists sla_resolution_stopped integer default 0 not null;
alter table complaint add column if not exists sla_resolution_late integer default 0 not null;

update complaint set replies = e.replies, contacts = e.contacts from (
    select complaint_number, sum(case when kind = 'reply' then 1 else 0 end) as replies,
        sum(case when (kind = 'inbound' and automated = false) or kind = 'call' then 1 else 0 end) as contacts
    from complaint_entry group by complaint_number) e
where e.complaint_number = complaint.number;

update complaint set
    sla_acknowledgement_met = k.acknowledgement_met,
    sla_acknowledgement_stopped = k.acknowledgement_stopped,
    sla_acknowledgement_late = k.acknowledgement_late,
    sla_first_response_met = k.first_response_met,
    sla_first_response_stopped = k.first_response_stopped,
    sla_first_response_late = k.first_response_late,
    sla_next_update_met = k.next_update_met,
    sla_next_update_stopped = k.next_update_stopped,
    sla_next_update_late = k.next_update_late,
    sla_resolution_met = k.resolution_met,
    sla_resolution_stopped = k.resolution_stopped,
    sla_resolution_late = k.resolution_late
from (
    select complaint_number,
        sum(case when metric = 'ACKNOWLEDGEMENT' and stopped_at is not null and missed = false then 1 else 0 end) as acknowledgement_met,
        sum(case when metric = 'ACKNOWLEDGEMENT' and stopped_at is not null then 1 else 0 end) as acknowledgement_stopped,
        sum(case when metric = 'ACKNOWLEDGEMENT' and stopped_at is null and current_clock = true and breached = true then 1 else 0 end) as acknowledgement_late,
        sum(case when metric = 'FIRST_RESPONSE' and stopped_at is not null and missed = false then 1 else 0 end) as first_response_met,
        sum(case when metric = 'FIRST_RESPONSE' and stopped_at is not null then 1 else 0 end) as first_response_stopped,
        sum(case when metric = 'FIRST_RESPONSE' and stopped_at is null and current_clock = true and breached = true then 1 else 0 end) as first_response_late,
        sum(case when metric = 'NEXT_UPDATE' and stopped_at is not null and missed = false then 1 else 0 end) as next_update_met,
        sum(case when metric = 'NEXT_UPDATE' and stopped_at is not null then 1 else 0 end) as next_update_stopped,
        sum(case when metric = 'NEXT_UPDATE' and stopped_at is null and current_clock = true and breached = true then 1 else 0 end) as next_update_late,
        sum(case when metric = 'RESOLUTION' and stopped_at is not null and missed = false then 1 else 0 end) as resolution_met,
        sum(case when metric = 'RESOLUTION' and stopped_at is not null then 1 else 0 end) as resolution_stopped,
        sum(case when metric = 'RESOLUTION' and stopped_at is null and current_clock = true and breached = true then 1 else 0 end) as resolution_late
    from sla_clock group by complaint_number) k
where k.complaint_number = complaint.number;
