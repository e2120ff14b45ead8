package dk.ligevaerd.round.rules;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import dk.ligevaerd.testing.Gens;
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
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Generated rounds for the property tests, and the changes the properties apply to them.
 *
 * <p>The generators are QuickTheories', which shrinks a failing case to a small one. Sizes are
 * kept small (up to 4 sides, 6 ballots a side, 5 options) so that a few hundred tries run in well
 * under a second, yet ties, empty sides, empty ballots and missed quorums all
 * come up often.
 */
final class RoundGenerators {

    static final int MAX_BALLOTS_PER_SIDE = 6;

    /**
     * How many cases QuickTheories may draw for one example of a property with an assumption before
     * it gives up. Its default of 10 gives up now and then where about half the rounds are skipped.
     */
    static final int ASSUMPTION_ATTEMPTS = 1_000;

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

    static Gen<Quorum> quorums() {
        return integers().between(0, 3).map((Integer q) -> Quorum.of(q));
    }

    static Gen<Set<Long>> optionIds(int min) {
        return Gens.distinctLongs(100, 120, min, 5);
    }

    static Gen<Round<DotVoting, DotBallot>> dotRounds() {
        Gen<Integer> budgets = integers().between(1, 10);
        Gen<Integer> caps = integers().between(1, 12);
        Gen<DotVoting> votings = optionIds(1).zip(budgets, caps, quorums(), DotVoting::new);
        return votings.flatMap(voting -> rounds(voting, dotBallots(voting)));
    }

    /**
     * A valid dot ballot: a wish per option up to the cap, granted in option order while the
     * budget lasts, so that some ballots spend all of it and some do not.
     */
    static Gen<DotBallot> dotBallots(DotVoting voting) {
        List<Long> options = List.copyOf(voting.options());
        return lists().of(integers().between(0, voting.capPerOption())).ofSize(options.size()).map(wishes -> {
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

    static Gen<Round<RankingVoting, RankingBallot>> rankingRounds() {
        Gen<RankingVoting> votings = optionIds(2).zip(quorums(), RankingVoting::new);
        return votings.flatMap(voting -> rounds(voting, rankingBallots(voting)));
    }

    /** A valid ranking: some or all options, in any order. */
    static Gen<RankingBallot> rankingBallots(RankingVoting voting) {
        List<Long> options = List.copyOf(voting.options());
        return Gens.shuffled(options).zip(integers().between(0, options.size()),
                (order, length) -> new RankingBallot(order.subList(0, length)));
    }

    static Gen<Round<AdoptVoting, AdoptBallot>> adoptRounds(AdoptRule... rules) {
        Gen<AdoptVoting> votings = Generate.pick(List.of(rules)).zip(quorums(), AdoptVoting::new);
        return votings.flatMap(voting -> rounds(voting, adoptBallots(voting.rule())));
    }

    /** A valid ADOPT ballot: objections only under consent, each with a reason. */
    static Gen<AdoptBallot> adoptBallots(AdoptRule rule) {
        Gen<AdoptBallot> votes = Generate.pick(List.of(AdoptBallot.yes(), AdoptBallot.no(), AdoptBallot.abstain()));
        if (rule != AdoptRule.CONSENT) {
            return votes;
        }
        Gen<AdoptBallot> objections = Generate.pick(List.of("Too expensive", "Leaves out the volunteers", "Unclear"))
                .map(AdoptBallot::object);
        return Generate.frequency(Pair.of(6, votes), Pair.of(1, objections));
    }

    /**
     * One to four sides with up to {@link #MAX_BALLOTS_PER_SIDE} ballots each. A side that cast
     * nothing is left out of the ballot map, as it would be when ballots are grouped by side.
     */
    static <V, B> Gen<Round<V, B>> rounds(V voting, Gen<B> ballot) {
        Gen<List<B>> ballotsOfASide = lists().of(ballot).ofSizeBetween(0, MAX_BALLOTS_PER_SIDE);
        return Gens.distinctLongs(1, 50, 1, 4).flatMap(sides ->
                lists().of(ballotsOfASide).ofSize(sides.size()).map(lists -> {
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

    /** Seeds for the random choices a property makes about a generated round. */
    static Gen<Long> seeds() {
        return longs().all();
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
