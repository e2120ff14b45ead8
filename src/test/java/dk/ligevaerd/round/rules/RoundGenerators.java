package dk.ligevaerd.round.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generated rounds for the property tests, and the changes the properties apply to them.
 *
 * <p>Sizes are kept small (up to 4 sides, 6 ballots a side, 5 options) so that a few hundred
 * tries run in well under a second, yet ties, empty sides, empty ballots and missed quorums all
 * come up often.
 */
final class RoundGenerators {

    static final int MAX_BALLOTS_PER_SIDE = 6;

    private RoundGenerators() {
    }

    /** A round's settings, its sides and the latest ballots of each side. */
    record Round<V, B>(V voting, Set<Long> sides, Map<Long, List<B>> ballots) {

        List<B> ballotsOf(long side) {
            return ballots.getOrDefault(side, List.of());
        }

        Round<V, B> withBallots(Map<Long, List<B>> changed) {
            return new Round<>(voting, sides, changed);
        }

        int ballotCount(long side) {
            return ballotsOf(side).size();
        }
    }

    static Arbitrary<Quorum> quorums() {
        return Arbitraries.integers().between(0, 3).map(Quorum::of);
    }

    static Arbitrary<Set<Long>> optionIds(int min) {
        return Arbitraries.longs().between(100, 120).set().ofMinSize(min).ofMaxSize(5);
    }

    static Arbitrary<Round<DotVoting, DotBallot>> dotRounds() {
        Arbitrary<Integer> budgets = Arbitraries.integers().between(1, 10);
        Arbitrary<Integer> caps = Arbitraries.integers().between(1, 12);
        Arbitrary<DotVoting> votings = Combinators.combine(optionIds(1), budgets, caps, quorums()).as(DotVoting::new);
        return votings.flatMap(voting -> rounds(voting, dotBallots(voting)));
    }

    /**
     * A valid dot ballot: a wish per option up to the cap, granted in option order while the
     * budget lasts, so that some ballots spend all of it and some do not.
     */
    static Arbitrary<DotBallot> dotBallots(DotVoting voting) {
        List<Long> options = List.copyOf(voting.options());
        return Arbitraries.integers().between(0, voting.capPerOption()).list().ofSize(options.size()).map(wishes -> {
            Map<Long, Integer> points = new HashMap<>();
            int left = voting.budget();
            for (int i = 0; i < options.size(); i++) {
                int given = Math.min(wishes.get(i), left);
                if (given > 0) {
                    points.put(options.get(i), given);
                    left -= given;
                }
            }
            return new DotBallot(points);
        });
    }

    static Arbitrary<Round<RankingVoting, RankingBallot>> rankingRounds() {
        Arbitrary<RankingVoting> votings = Combinators.combine(optionIds(2), quorums()).as(RankingVoting::new);
        return votings.flatMap(voting -> rounds(voting, rankingBallots(voting)));
    }

    /** A valid ranking: some or all options, in any order. */
    static Arbitrary<RankingBallot> rankingBallots(RankingVoting voting) {
        List<Long> options = List.copyOf(voting.options());
        return Combinators.combine(Arbitraries.shuffle(options), Arbitraries.integers().between(0, options.size()))
                .as((order, length) -> new RankingBallot(order.subList(0, length)));
    }

    static Arbitrary<Round<AdoptVoting, AdoptBallot>> adoptRounds(AdoptRule... rules) {
        Arbitrary<AdoptVoting> votings = Combinators.combine(Arbitraries.of(rules), quorums())
                .as(AdoptVoting::new);
        return votings.flatMap(voting -> rounds(voting, adoptBallots(voting.rule())));
    }

    /** A valid ADOPT ballot: objections only under consent, each with a reason. */
    static Arbitrary<AdoptBallot> adoptBallots(AdoptRule rule) {
        Arbitrary<AdoptBallot> votes = Arbitraries.of(AdoptBallot.yes(), AdoptBallot.no(), AdoptBallot.abstain());
        if (rule != AdoptRule.CONSENT) {
            return votes;
        }
        Arbitrary<AdoptBallot> objections = Arbitraries.of("Too expensive", "Leaves out the volunteers", "Unclear")
                .map(AdoptBallot::object);
        return Arbitraries.frequencyOf(
                Tuple.of(6, votes),
                Tuple.of(1, objections));
    }

    /**
     * One to four sides with up to {@link #MAX_BALLOTS_PER_SIDE} ballots each. A side that cast
     * nothing is left out of the ballot map, as it would be when ballots are grouped by side.
     */
    static <V, B> Arbitrary<Round<V, B>> rounds(V voting, Arbitrary<B> ballot) {
        return Arbitraries.longs().between(1, 50).set().ofMinSize(1).ofMaxSize(4).flatMap(sides ->
                ballot.list().ofMaxSize(MAX_BALLOTS_PER_SIDE).list().ofSize(sides.size()).map(lists -> {
                    Map<Long, List<B>> ballots = new HashMap<>();
                    List<Long> order = List.copyOf(sides);
                    for (int i = 0; i < order.size(); i++) {
                        if (!lists.get(i).isEmpty()) {
                            ballots.put(order.get(i), List.copyOf(lists.get(i)));
                        }
                    }
                    return new Round<>(voting, sides, ballots);
                }));
    }

    /** The ballots with every ballot of {@code side} present {@code copies} times. */
    static <B> Map<Long, List<B>> copied(Map<Long, List<B>> ballots, long side, int copies) {
        Map<Long, List<B>> copied = new HashMap<>(ballots);
        List<B> repeated = new ArrayList<>();
        for (int i = 0; i < copies; i++) {
            repeated.addAll(ballots.getOrDefault(side, List.of()));
        }
        copied.put(side, repeated);
        return copied;
    }

    /** A side picked at random. */
    static long anySide(Set<Long> sides, Random random) {
        List<Long> list = new ArrayList<>(sides);
        Collections.sort(list);
        return list.get(random.nextInt(list.size()));
    }

    /** A one-to-one renaming of the sides to new ids, disjoint from the old ones. */
    static Map<Long, Long> renaming(Set<Long> sides, Random random) {
        List<Long> newIds = new ArrayList<>();
        for (long id = 1_001; newIds.size() < sides.size(); id += 1 + random.nextInt(5)) {
            newIds.add(id);
        }
        Collections.shuffle(newIds, random);
        Map<Long, Long> renaming = new HashMap<>();
        List<Long> oldIds = new ArrayList<>(sides);
        Collections.sort(oldIds);
        for (int i = 0; i < oldIds.size(); i++) {
            renaming.put(oldIds.get(i), newIds.get(i));
        }
        return renaming;
    }

    /**
     * The sides renamed and everything handed over in a shuffled order: the set of sides, the
     * entries of the ballot map and the ballots within each side.
     */
    static <V, B> Round<V, B> renamedAndShuffled(Round<V, B> round, Map<Long, Long> renaming, Random random) {
        List<Long> sides = new ArrayList<>(round.sides());
        Collections.shuffle(sides, random);
        Set<Long> renamedSides = new LinkedHashSet<>();
        Map<Long, List<B>> renamedBallots = new LinkedHashMap<>();
        for (long side : sides) {
            renamedSides.add(renaming.get(side));
            if (round.ballots().containsKey(side)) {
                List<B> shuffled = new ArrayList<>(round.ballots().get(side));
                Collections.shuffle(shuffled, random);
                renamedBallots.put(renaming.get(side), shuffled);
            }
        }
        return new Round<>(round.voting(), renamedSides, renamedBallots);
    }

    static <V> Map<Long, V> renamedKeys(Map<Long, V> map, Map<Long, Long> renaming) {
        Map<Long, V> renamed = new HashMap<>();
        map.forEach((key, value) -> renamed.put(renaming.get(key), value));
        return renamed;
    }

    static Set<Long> renamed(Set<Long> sides, Map<Long, Long> renaming) {
        Set<Long> renamed = new LinkedHashSet<>();
        sides.forEach(side -> renamed.add(renaming.get(side)));
        return renamed;
    }

    /** The ballots with one ballot of one side replaced. */
    static <B> Map<Long, List<B>> replaced(Map<Long, List<B>> ballots, long side, int index, Function<B, B> change) {
        Map<Long, List<B>> changed = new HashMap<>(ballots);
        List<B> ofSide = new ArrayList<>(ballots.get(side));
        ofSide.set(index, change.apply(ofSide.get(index)));
        changed.put(side, ofSide);
        return changed;
    }
}
