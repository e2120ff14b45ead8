-- A closing time ends voting. With joint closing the round then still waits for a moderator of
-- every side to confirm; voting_ended_at says when voting ended.
alter table decision_round add column voting_ended_at timestamp with time zone;

-- With joint closing, cancelling an open round needs a moderator of every side, each with a
-- reason: one request per side, kept after the round is cancelled so its reasons stay readable.
create table round_cancel_request (
    round_id     bigint        not null references decision_round (id) on delete cascade,
    side_id      bigint        not null,
    user_id      bigint        not null references app_user (id),
    reason       varchar(2000) not null,
    requested_at timestamp with time zone not null,
    primary key (round_id, side_id)
);

-- Once a secret round has closed, its ballots keep their side and choice but lose their voter.
alter table ballot alter column user_id drop not null;
