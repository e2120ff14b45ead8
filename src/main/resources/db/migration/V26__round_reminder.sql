-- When the "voting ends within a day and you have not voted" reminder of a round was sent: set once,
-- by the one node whose conditional update found it unset, so each round is reminded once.
alter table decision_round add column reminder_sent_at timestamp with time zone;
