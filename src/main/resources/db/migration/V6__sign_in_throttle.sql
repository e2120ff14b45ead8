-- Failed logins and registrations counted per account, per client address and per trusted browser,
-- in the database so that every node behind the load balancer sees the same counts.
-- Written in the SQL that H2 and PostgreSQL share.

create table sign_in_throttle (
    throttle_key  varchar(200) not null primary key,
    attempts      integer      not null,
    window_start  timestamp with time zone not null,
    last_attempt  timestamp with time zone not null,
    locked_until  timestamp with time zone
);

create index ix_sign_in_throttle_last on sign_in_throttle (last_attempt);

-- A browser that has logged in to an account before: a failed login from it counts against it
-- alone, so an attacker who locks the account does not lock its owner out. Only a hash is kept.
create table trusted_browser (
    token_hash  varchar(64) not null primary key,
    username    varchar(40) not null,
    created_at  timestamp with time zone not null,
    expires_at  timestamp with time zone not null
);

create index ix_trusted_browser_expiry on trusted_browser (expires_at);
