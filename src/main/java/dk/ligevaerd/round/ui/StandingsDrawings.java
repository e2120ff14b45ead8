package dk.ligevaerd.round.ui;

import dk.ligevaerd.round.RoundView;
import dk.ligevaerd.shared.ui.Sketch;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * The live standings of the open rounds as every page shows them, drawn once per change and
 * language for all the pages of this node. After a ballot every open page of the workspace asks
 * for the same standings at the same moment; the first to ask draws them, the others wait for
 * that drawing and lay it over their own ({@link dk.ligevaerd.shared.ui.Morph}). Standings are
 * the same for every member (a secret round shows none while open), so nothing about the viewer
 * goes into a drawing: {@link RoundView#forEveryone()} is what they are drawn from.
 *
 * <p>Only the latest drawing of each round and language is kept; a round that is no longer open
 * is forgotten as soon as a page draws it so.
 */
@Component
class StandingsDrawings {

    /** More than this many rounds open at once and the drawings start afresh. */
    static final int KEPT = 512;

    private record Drawn(RoundView round, Sketch sketch) {
    }

    /** The latest drawing of each open round, by round and language. */
    private final Map<Long, Map<Locale, Drawn>> latest = new ConcurrentHashMap<>();

    /**
     * The standings of this open round in this language, drawn by {@code draw} from the round as
     * every member sees it, unless the same were drawn already. {@code draw} runs at most once for
     * any number of pages asking at once.
     */
    Sketch of(RoundView round, Locale locale, Function<RoundView, Sketch> draw) {
        if (latest.size() > KEPT) {
            latest.clear();
        }
        RoundView everyone = round.forEveryone();
        Map<Locale, Drawn> languages = latest.get(round.id());
        if (languages == null) {
            languages = latest.computeIfAbsent(round.id(), id -> new ConcurrentHashMap<>());
        }
        // Every open page asks at once after a ballot: all but the first find it drawn without
        // taking the map's lock, which would make the others wait in turn.
        Drawn drawn = languages.get(locale);
        if (drawn != null && drawn.round().equals(everyone)) {
            return drawn.sketch();
        }
        return languages.compute(locale,
                (language, was) -> was != null && was.round().equals(everyone) ? was
                        : new Drawn(everyone, draw.apply(everyone)))
                .sketch();
    }

    /** The round is no longer open: nothing of it is kept. */
    void forget(long roundId) {
        latest.remove(roundId);
    }

    /** How many drawings are kept; for tests. */
    int kept() {
        return latest.values().stream().mapToInt(Map::size).sum();
    }
}
