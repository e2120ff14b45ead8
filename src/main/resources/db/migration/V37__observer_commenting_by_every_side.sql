-- Whether observers (members on no side) may comment in the discussion becomes a workspace rule that
-- changes only by a governance proposal every side confirms, as who accepts suggested changes does;
-- until now it was the owner's switch alone. Each workspace keeps the choice made so far.
alter table workspace add column observers_may_comment boolean default false not null;
update workspace set observers_may_comment = true
    where id in (select workspace_id from deliberation_setting where observers_may_comment = true);
drop table deliberation_setting;
