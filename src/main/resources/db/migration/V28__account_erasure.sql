-- Erasing an account (docs/personal-data.md): the row stays, so that what the person did keeps an
-- author, but their name, e-mail and password go. former_member_no is the number of the pseudonym
-- shown in their place ("Former member 7"), drawn once and never reused.
alter table app_user add column erased_at timestamp with time zone;
alter table app_user add column former_member_no integer;
create unique index uq_app_user_former_member_no on app_user (former_member_no);
