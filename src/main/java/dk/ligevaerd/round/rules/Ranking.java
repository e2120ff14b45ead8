package dk.ligevaerd.round.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;

/**
 * Options ordered by score, where equal scores share a place: scores {@code 3/4, 7/12, 7/12, 0}
 * give places {@code 1, 2, 2, 4} (as in sports: the option after a tie takes the place it would
 * have had without it).
 *
 * <p>SPEC.md forbids breaking a tie silently: if two priorities are equally supported, the people
 * in the room decide between them, not the order of ids. Within a shared place the entries are
 * listed by option id so that the list is stable, but that order means nothing.
 *
 * @param entries best first
 */
public record Ranking(List<OptionScore> entries) {

    private static final Comparator<OptionScore> BEST_FIRST = Comparator.comparing(OptionScore::score)
            .reversed()
            .thenComparingLong(OptionScore::option);

    public Ranking {
        entries = List.copyOf(entries);
    }

    /** Ranks the options by score, highest first, giving equal scores the same place. */
    public static Ranking of(Map<Long, Fraction> scores) {
        List<OptionScore> unplaced = new ArrayList<>();
        scores.forEach((option, score) -> unplaced.add(new OptionScore(option, score, 1)));
        unplaced.sort(BEST_FIRST);
        List<OptionScore> placed = new ArrayList<>(unplaced.size());
        for (int i = 0; i < unplaced.size(); i++) {
            OptionScore entry = unplaced.get(i);
            boolean tiedWithPrevious = i > 0 && entry.score().equals(placed.get(i - 1).score());
            int place = tiedWithPrevious ? placed.get(i - 1).place() : i + 1;
            placed.add(new OptionScore(entry.option(), entry.score(), place));
        }
        return new Ranking(placed);
    }

    /** Option id to place, in ascending option order. */
    public Map<Long, Integer> places() {
        Map<Long, Integer> places = new TreeMap<>();
        entries.forEach(entry -> places.put(entry.option(), entry.place()));
        return Ordered.copyOf(places);
    }

    /** Option id to score, in ascending option order. */
    public Map<Long, Fraction> scores() {
        Map<Long, Fraction> scores = new TreeMap<>();
        entries.forEach(entry -> scores.put(entry.option(), entry.score()));
        return Ordered.copyOf(scores);
    }

    /** @throws NoSuchElementException if the option is not ranked */
    public OptionScore entryFor(long option) {
        return entries.stream()
                .filter(entry -> entry.option() == option)
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("Option " + option + " is not ranked"));
    }

    /** The entries sharing a place; empty if no option has it (such as place 2 after a tie for 1). */
    public List<OptionScore> atPlace(int place) {
        return entries.stream().filter(entry -> entry.place() == place).toList();
    }

    /** The options in first place; more than one means a tie at the top. */
    public List<OptionScore> leaders() {
        return atPlace(1);
    }

    public boolean hasTies() {
        return entries.stream().map(OptionScore::place).distinct().count() < entries.size();
    }

    /** Whether every option has the same place in both, whatever the scores. */
    public boolean samePlacesAs(Ranking other) {
        return places().equals(other.places());
    }
}
