-- An account's e-mail address, for mail to the person (notifications) and for linking a sign-in
-- with an organisation's account. Optional: local accounts work without one. Stored in lower
-- case; verified_at is set once the person (or a trusted identity provider) proved they hold it.
alter table app_user add column email varchar(254);
alter table app_user add column email_verified_at timestamp with time zone;
create unique index uq_app_user_email on app_user (email);
