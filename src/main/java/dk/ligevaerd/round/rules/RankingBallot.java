package dk.ligevaerd.round.rules;

import java.util.List;

/**
 * One voter's ballot in a ranking round: option ids from most to least preferred. It may rank
 * only some of the options; the rest get no points. An empty ranking counts towards the quorum.
 *
 * <p>Duplicates and unknown options are refused by {@link RankingVoting#validate(RankingBallot)}.
 *
 * @param order option ids, best first
 */
public record RankingBallot(List<Long> order) {

    public RankingBallot {
        order = List.copyOf(order);
    }

    public static RankingBallot of(Long... order) {
        return new RankingBallot(List.of(order));
    }
}
