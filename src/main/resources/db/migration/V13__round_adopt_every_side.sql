-- A PRIORITIZE round may adopt only the priorities that every side gave at least one point.
-- Rounds made before keep adopting by places alone.
alter table decision_round add column adopt_every_side boolean default false not null;
