-- How many members of each side could vote in a round, counted when it closed: everyone on the
-- side who could vote then, and anyone whose ballot from that side was counted. Turnout is the
-- ballots against this. Null for rounds that closed before it was counted.
alter table round_side add column eligible integer;
