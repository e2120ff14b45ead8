-- A workspace rule (changed only by a governance proposal every side confirms): whether a suggested
-- change to the purpose statement needs a moderator of every other side, rather than any participant.
alter table workspace add column suggestions_by_moderators boolean default false not null;
