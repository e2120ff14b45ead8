package dk.ligevaerd.round.ui;

import dk.ligevaerd.round.RoundView;
import dk.ligevaerd.shared.ui.Sketch;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The live standings of the open rounds as every page shows them, drawn once per change and
 * language for all the pages of this node. After a ballot every open page of the workspace asks
 * for the same standings at the same moment; the first to ask draws them, the others wait for
 * that drawing and lay it over their own ({@link dk.ligevaerd.shared.ui.Morph}). Standings are
 * the same for every member (a secret round shows none while open), so nothing about the viewer
 * goes into a drawing: {@link RoundView#forEveryone()} is what they are drawn from.
 *
 * <p>The latest few drawings of each round and language are kept: in a burst of ballots the pages
 * take them in batches of their own, so at one moment some show one ballot more than others, and
 * each version is drawn once rather than again each time a page with the other one asks. A round
 * that is no longer open is forgotten as soon as a page draws it so.
 */
@Component
class StandingsDrawings {

    /** More than this many rounds open at once and the drawings start afresh. */
    static final int KEPT = 512;
    /** How many versions of one round's standings in one language are kept, the newest last. */
    static final int VERSIONS = 4;

    /** A version's drawing: done, or under way on the page that first asked for it. */
    private record Drawn(RoundView round, CompletableFuture<Sketch> sketch) {
    }

    /** The latest drawings of each open round, by round and language, the newest last. */
    private final Map<Long, Map<Locale, List<Drawn>>> latest = new ConcurrentHashMap<>();

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
        Map<Locale, List<Drawn>> languages = latest.get(round.id());
        if (languages == null) {
            languages = latest.computeIfAbsent(round.id(), id -> new ConcurrentHashMap<>());
        }
        // Every open page asks at once after a ballot: the first draws the new version, outside
        // the map's lock, and the others wait for that drawing without holding or spinning on any
        // lock; once drawn, each finds it without taking the map's lock at all.
        Drawn found = find(languages.get(locale), everyone);
        if (found == null) {
            Drawn mine = new Drawn(everyone, new CompletableFuture<>());
            List<Drawn> versions = languages.compute(locale, (language, were) -> {
                if (find(were, everyone) != null) {
                    return were;
                }
                List<Drawn> now = new ArrayList<>(were == null ? List.of() : were);
                now.add(mine);
                return List.copyOf(now.subList(Math.max(0, now.size() - VERSIONS), now.size()));
            });
            found = Objects.requireNonNull(find(versions, everyone));
            if (found == mine) {
                try {
                    mine.sketch().complete(draw.apply(everyone));
                } catch (RuntimeException failed) {
                    // The pages waiting for it fail as this one does; the next ballot draws afresh.
                    mine.sketch().completeExceptionally(failed);
                    languages.computeIfPresent(locale, (language, were) -> {
                        List<Drawn> rest = were.stream().filter(d -> d != mine).toList();
                        return rest.isEmpty() ? null : rest;
                    });
                    throw failed;
                }
            }
        }
        return found.sketch().join();
    }

    /** The drawing of this version among those kept, newest first; null if there is none. */
    private static @Nullable Drawn find(@Nullable List<Drawn> versions, RoundView everyone) {
        if (versions == null) {
            return null;
        }
        for (int i = versions.size() - 1; i >= 0; i--) {
            if (versions.get(i).round().equals(everyone)) {
                return versions.get(i);
            }
        }
        return null;
    }

    /** The round is no longer open: nothing of it is kept. */
    void forget(long roundId) {
        latest.remove(roundId);
    }

    /** How many drawings are kept; for tests. */
    int kept() {
        return latest.values().stream().flatMap(languages -> languages.values().stream()).mapToInt(List::size).sum();
    }
}
