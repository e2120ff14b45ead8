-- Quorum per side (q_s): a side's own quorum where the round's creator set one; a side without a
-- row here needs decision_round.quorum_per_side ballots.
create table round_quorum (
    round_id bigint  not null references decision_round (id) on delete cascade,
    side_id  bigint  not null,
    quorum   integer not null,
    primary key (round_id, side_id)
);
