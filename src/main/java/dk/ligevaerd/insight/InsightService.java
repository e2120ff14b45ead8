package dk.ligevaerd.insight;

import dk.ligevaerd.history.HistoryFilter;
import dk.ligevaerd.history.HistoryItem;
import dk.ligevaerd.history.HistoryService;
import dk.ligevaerd.insight.metrics.LensBalance;
import dk.ligevaerd.insight.metrics.Measure;
import dk.ligevaerd.insight.metrics.Weekly;
import dk.ligevaerd.priority.PriorityService;
import dk.ligevaerd.priority.PriorityState;
import dk.ligevaerd.priority.PriorityView;
import dk.ligevaerd.priority.ValueLens;
import dk.ligevaerd.workspace.SideView;
import dk.ligevaerd.workspace.WorkspaceAccess;
import dk.ligevaerd.workspace.WorkspaceDetails;
import dk.ligevaerd.workspace.WorkspaceService;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gathers, per side, how much each side has done: from the priorities and from the history,
 * which every feature writes to. Every member may look, observers included.
 */
@Service
public class InsightService {

    /** History kinds that are moderation: steering the process rather than contributing to it. */
    static final Predicate<String> MODERATION = kind -> kind.equals("priority.merged")
            || kind.startsWith("round.") && !kind.contains("ballot");

    private final WorkspaceAccess access;
    private final WorkspaceService workspaces;
    private final PriorityService priorities;
    private final HistoryService history;
    private final List<EqualitySource> sources;
    private final List<RoundEquality> roundSources;

    InsightService(WorkspaceAccess access, WorkspaceService workspaces, PriorityService priorities,
            HistoryService history, List<EqualitySource> sources, List<RoundEquality> roundSources) {
        this.roundSources = roundSources;
        this.access = access;
        this.workspaces = workspaces;
        this.priorities = priorities;
        this.history = history;
        this.sources = sources;
    }

    /**
     * The equality report for a period; {@code from} inclusive, {@code to} exclusive, either may be
     * open.
     */
    @Transactional(readOnly = true)
    public EqualityReport report(long workspaceId, @Nullable Instant from, @Nullable Instant to, ZoneId zone) {
        access.requireMember(workspaceId);
        WorkspaceDetails details = workspaces.details(workspaceId);
        List<Long> sides = details.sides().stream().map(SideView::id).toList();
        List<HistoryItem> entries = history.timeline(workspaceId, new HistoryFilter(null, null, from, to));
        List<PriorityView> all = priorities.list(workspaceId).stream()
                .filter(p -> within(p.proposedAt(), from, to)).toList();

        List<EqualitySource.OrderedMeasure> ordered = new ArrayList<>();
        ordered.add(new EqualitySource.OrderedMeasure(20, Measure.of("proposed", sides,
                countBy(all, PriorityView::sideId))));
        ordered.add(new EqualitySource.OrderedMeasure(30, Measure.of("adopted", sides, countBy(
                all.stream().filter(p -> p.state() == PriorityState.ADOPTED).toList(), PriorityView::sideId))));
        ordered.add(new EqualitySource.OrderedMeasure(50, Measure.of("moderation", sides, countBy(
                entries.stream().filter(e -> MODERATION.test(e.kind())).toList(), HistoryItem::actorSideId))));
        // Headcount last, as context: the parity rules make it irrelevant to decisions.
        ordered.add(new EqualitySource.OrderedMeasure(1000, Measure.of("members", sides, details.members().stream()
                .filter(m -> m.sideId() != null)
                .collect(Collectors.groupingBy(m -> m.sideId(), Collectors.counting())))));
        Map<Long, Double> turnout = new HashMap<>();
        List<Weekly> weeklyMeasures = new ArrayList<>();
        for (EqualitySource source : sources.stream().sorted(Comparator.comparingInt(EqualitySource::order)).toList()) {
            ordered.addAll(source.measures(workspaceId, sides, from, to));
            turnout.putAll(source.turnout(workspaceId, sides, from, to));
            weeklyMeasures.addAll(source.weekly(workspaceId, sides, from, to, zone));
        }
        List<Measure> measures = ordered.stream()
                .sorted(Comparator.comparingInt(EqualitySource.OrderedMeasure::order))
                .map(EqualitySource.OrderedMeasure::measure).toList();

        Weekly activity = Weekly.count("activity", sides, entries, HistoryItem::occurredAt, HistoryItem::actorSideId,
                zone);

        return new EqualityReport(sides, measures,
                LensBalance.of(all.stream().filter(p -> p.state() != PriorityState.WITHDRAWN
                        && p.state() != PriorityState.MERGED).toList()),
                LensBalance.of(all.stream().filter(p -> p.state() == PriorityState.ADOPTED).toList()),
                activity.weeks(), Map.copyOf(turnout), weeklyMeasures);
    }

    /** The closed rounds the equality view can be narrowed to, newest first. */
    @Transactional(readOnly = true)
    public List<RoundEquality.RoundScope> rounds(long workspaceId) {
        access.requireMember(workspaceId);
        return roundSources.stream().flatMap(r -> r.closedRounds(workspaceId).stream()).toList();
    }

    /**
     * The equality report of one closed round: shares of the options proposed and adopted, of
     * ballots (and turnout), of moderation, and the value lenses on the ballot and among what was
     * adopted. Empty if the workspace has no such closed round.
     */
    @Transactional(readOnly = true)
    public java.util.Optional<EqualityReport> roundReport(long workspaceId, long roundId) {
        access.requireMember(workspaceId);
        List<Long> sides = workspaces.details(workspaceId).sides().stream().map(SideView::id).toList();
        return roundSources.stream().map(r -> r.report(workspaceId, roundId, sides)).flatMap(java.util.Optional::stream)
                .findFirst();
    }

    private static boolean within(Instant at, @Nullable Instant from, @Nullable Instant to) {
        return (from == null || !at.isBefore(from)) && (to == null || at.isBefore(to));
    }

    private static <T> Map<Long, Long> countBy(List<T> items, java.util.function.Function<T, @Nullable Long> side) {
        Map<Long, Long> counts = new HashMap<>();
        items.stream().map(side).filter(Objects::nonNull).forEach(s -> counts.merge(s, 1L, Long::sum));
        return counts;
    }
}
