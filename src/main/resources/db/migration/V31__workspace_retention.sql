-- The retention rule every side agreed to (a governance proposal): archive after so many months
-- without activity and/or on a date, then delete so many months after archiving. All empty: no rule.
alter table workspace add column retention_idle_months integer;
alter table workspace add column retention_archive_on date;
alter table workspace add column retention_delete_months integer;
-- Set when the workspace was archived (read-only). Claimed by one node's conditional update, so a
-- workspace is archived once whatever the number of nodes; cleared when every side reopens it.
alter table workspace add column archived_at timestamp with time zone;
create index ix_workspace_retention on workspace (archived_at, deleted_at);
