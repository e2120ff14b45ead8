package dk.ligevaerd.round.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import dk.ligevaerd.priority.PriorityService;
import dk.ligevaerd.round.ChainVerification;
import dk.ligevaerd.round.DecisionRule;
import dk.ligevaerd.round.RecordExportService;
import dk.ligevaerd.round.RoundEvents;
import dk.ligevaerd.round.RoundEvents.BallotCountChanged;
import dk.ligevaerd.round.RoundDiscussion;
import dk.ligevaerd.round.RoundService;
import dk.ligevaerd.round.RoundState;
import dk.ligevaerd.round.RoundView;
import dk.ligevaerd.shared.WorkspaceEvent;
import dk.ligevaerd.shared.ui.AddressReader;
import dk.ligevaerd.shared.ui.Morph;
import dk.ligevaerd.statement.StatementService;
import dk.ligevaerd.workspace.WorkspaceDetails;
import dk.ligevaerd.workspace.WorkspaceTab;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Decision rounds of the workspace, newest first: moderators prepare, open, close and cancel them;
 * participants vote; everyone follows the counts live and reads the records. The workspace page
 * hands it the round events ({@link #changed}); a ballot updates only its round's card.
 */
class RoundsTab extends Div implements WorkspaceTab {

    private final RoundService rounds;
    private final RecordExportService exports;
    private final PriorityService priorities;
    private final StatementService statements;
    private final long workspaceId;
    private final Button create = new Button();
    private final Div list = new Div();
    private final Paragraph empty = new Paragraph();
    private final Div verification = new Div();
    private final Map<Long, RoundCard> cards = new HashMap<>();
    /**
     * A polite live region, present from the start and never redrawn, that tells screen readers
     * what changed while the page is open: a round opening, voting ending, a round closing or being
     * cancelled, and a new ballot count. Only live changes are told, not what the page shows on entry.
     */
    private final Div announcer = new Div();
    private @Nullable WorkspaceDetails details;
    /** The round the address names ({@code ?round=7}, from a history line): marked and in view. */
    private @Nullable Long linked;
    private boolean scrollToLinked;
    /** The discussion's counts of comments per round and record, if the discussion is there. */
    private final @Nullable RoundDiscussion discussion;
    /** The open rounds' live standings, drawn once for every page of this node. */
    private final StandingsDrawings standings;

    RoundsTab(RoundService rounds, RecordExportService exports, PriorityService priorities,
            StatementService statements, @Nullable RoundDiscussion discussion, StandingsDrawings standings,
            long workspaceId) {
        this.discussion = discussion;
        this.standings = standings;
        this.rounds = rounds;
        this.exports = exports;
        this.priorities = priorities;
        this.statements = statements;
        this.workspaceId = workspaceId;
        addClassName("rounds-tab");
        setId("rounds-tab");
        Paragraph intro = new Paragraph(getTranslation("round.intro"));
        intro.addClassName("muted");
        create.setText(getTranslation("round.new"));
        create.setIcon(VaadinIcon.PLUS.create());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("round-new");
        create.addClickListener(e -> openEditor(null));
        Button verify = new Button(getTranslation("round.verify"), VaadinIcon.SHIELD.create(), e -> verify());
        verify.setId("round-verify");
        verify.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Div tools = new Div(create, verify);
        tools.addClassName("round-tools");
        verification.addClassName("chain-verification");
        verification.setId("chain-verification");
        verification.getElement().setAttribute("role", "status");
        empty.setText(getTranslation("round.empty"));
        empty.addClassName("empty-state");
        list.addClassName("round-list");
        list.setId("round-list");
        announcer.setId("rounds-announcer");
        announcer.addClassName("sr-only");
        announcer.getElement().setAttribute("role", "status");
        announcer.getElement().setAttribute("aria-live", "polite");
        announcer.getElement().setAttribute("aria-atomic", "true");
        add(announcer, intro, tools, verification, list);
    }

    @Override
    public Component component() {
        return this;
    }

    @Override
    public void show(WorkspaceDetails d) {
        this.details = d;
        create.setVisible(d.canModerate());
        List<RoundView> all = rounds.list(workspaceId);
        if (all.isEmpty()) {
            list.removeAll();
            cards.clear();
            list.add(empty);
            return;
        }
        empty.removeFromParent();
        List<Component> shown = list.getChildren().toList();
        for (int i = 0; i < all.size(); i++) {
            RoundView view = all.get(i);
            RoundCard card = cards.computeIfAbsent(view.id(), id -> new RoundCard(this, id));
            if (i >= shown.size() || shown.get(i) != card) {
                list.addComponentAtIndex(i, card);
                shown = list.getChildren().toList();
            }
            card.update(view, d);
            boolean isLinked = linked != null && view.id() == linked;
            card.setClassName("linked-item", isLinked);
            if (isLinked) {
                card.getElement().setAttribute("aria-current", "true");
            } else {
                card.getElement().removeAttribute("aria-current");
            }
            if (isLinked && scrollToLinked) {
                card.scrollIntoView();
                scrollToLinked = false;
            }
        }
        showComments();
    }

    /**
     * {@code ?round=7} marks round 7's card and brings it into view, so that a history line can
     * lead to the round itself.
     */
    @Override
    public List<String> accept(WorkspaceDetails d, Map<String, List<String>> parameters) {
        AddressReader address = new AddressReader(parameters);
        List<Long> known = rounds.list(workspaceId).stream().map(RoundView::id).toList();
        linked = address.id("round", known::contains);
        scrollToLinked = linked != null;
        return address.ignored();
    }

    @Override
    public Map<String, String> parameters() {
        return linked == null ? Map.of() : Map.of("round", String.valueOf(linked));
    }

    @Override
    public boolean concerns(WorkspaceEvent event) {
        return RoundEvents.isRoundEvent(event) || discussion != null && discussion.concerns(event);
    }

    /** How many comments stand about each round and each record, on their links into the discussion. */
    private void showComments() {
        RoundDiscussion counts = discussion;
        if (counts == null || cards.isEmpty()) {
            return;
        }
        Map<Long, Integer> aboutRounds = counts.comments(workspaceId, false);
        Map<Long, Integer> aboutRecords = counts.comments(workspaceId, true);
        cards.forEach((id, card) -> card.showComments(aboutRounds.getOrDefault(id, 0), aboutRecords.getOrDefault(id, 0)));
    }

    /**
     * Ballots update only the counts (and live standings) on their rounds' cards, read once for
     * every page however many ballots came in together; anything else about rounds may add, move or change cards, so the list is read
     * afresh (each card still redraws only what changed).
     */
    @Override
    public void changed(WorkspaceDetails d, List<WorkspaceEvent> events) {
        List<WorkspaceEvent> aboutRounds = events.stream().filter(RoundEvents::isRoundEvent).toList();
        if (aboutRounds.size() < events.size()) {
            // A comment somewhere: only the numbers on the links change.
            this.details = d;
            showComments();
        }
        if (aboutRounds.isEmpty()) {
            return;
        }
        changedRounds(d, aboutRounds);
    }

    private void changedRounds(WorkspaceDetails d, List<WorkspaceEvent> events) {
        if (!events.stream().allMatch(e -> e.is(BallotCountChanged.class))) {
            Map<Long, RoundView> before = new HashMap<>();
            cards.forEach((id, card) -> {
                RoundView was = card.shownRound();
                if (was != null) {
                    before.put(id, was);
                }
            });
            show(d);
            List<String> news = new java.util.ArrayList<>();
            cards.forEach((id, card) -> {
                RoundView now = card.shownRound();
                if (now != null) {
                    news.addAll(newsOf(before.get(id), now));
                }
            });
            announce(news);
            return;
        }
        this.details = d;
        // Ballots this node committed share one read of the counts among all pages; news of
        // ballots from another node is read afresh.
        boolean local = events.stream().allMatch(BallotCountChanged.class::isInstance);
        for (long roundId : events.stream().map(WorkspaceEvent::firstId).distinct().toList()) {
            RoundCard card = cards.get(roundId);
            if (card == null) {
                show(d);
                return;
            }
            if (!card.showCounts(rounds.counts(workspaceId, roundId, local))) {
                card.update(rounds.get(workspaceId, roundId), d);
            }
            RoundView now = card.shownRound();
            if (now != null) {
                announce(List.of(getTranslation("round.announce.ballots", now.title(),
                        now.sides().stream().mapToInt(RoundView.SideTurnout::ballots).sum())));
            }
        }
    }

    /** What changed about one round, in words for the live region. */
    private List<String> newsOf(@Nullable RoundView before, RoundView now) {
        if (before == null || before.state() != now.state()) {
            String key = switch (now.state()) {
                case OPEN -> "round.announce.opened";
                case CLOSED -> "round.announce.closed";
                case CANCELLED -> "round.announce.cancelled";
                case DRAFT -> null;
            };
            return key == null || before == null && now.state() != RoundState.OPEN ? List.of()
                    : List.of(getTranslation(key, now.title()));
        }
        if (now.votingEnded() && !before.votingEnded()) {
            return List.of(getTranslation("round.announce.votingEnded", now.title()));
        }
        return List.of();
    }

    private void announce(List<String> news) {
        if (!news.isEmpty()) {
            Morph.text(announcer.getElement(), String.join(" ", news));
        }
    }

    void openEditor(@Nullable RoundView existing) {
        RoundEditor editor = new RoundEditor(rounds, priorities, statements, workspaceId, existing,
                details == null ? List.of() : details.sides());
        if (existing == null && details != null) {
            // A new round starts from the rule the sides agreed on as the workspace's default.
            editor.startWithRule(DecisionRule.valueOf(details.defaultRule().name()));
        }
        editor.open();
    }

    private void verify() {
        ChainVerification result = rounds.verifyChain(workspaceId);
        verification.removeAll();
        verification.getElement().setAttribute("data-intact", String.valueOf(result.intact()));
        if (result.intact()) {
            Paragraph ok = new Paragraph(getTranslation("round.verify.ok", result.records(),
                    Show.shortHash(result.headHash())));
            ok.addClassName("verify-ok");
            ok.setTitle(result.headHash());
            verification.add(ok);
            return;
        }
        Paragraph bad = new Paragraph(getTranslation("round.verify.broken", result.problems().size()));
        bad.addClassName("verify-broken");
        UnorderedList problems = new UnorderedList();
        for (ChainVerification.Problem problem : result.problems()) {
            problems.add(new ListItem(new Span(getTranslation("round.verify.problem", problem.seq(),
                    getTranslation("round.verify.kind." + problem.kind().name().toLowerCase(Locale.ROOT))))));
        }
        verification.add(bad, problems);
    }

    /** A side's name as the workspace has it now (a draft has no sides of its own yet). */
    String sideName(long sideId) {
        return details == null ? "?" : details.sides().stream().filter(side -> side.id() == sideId)
                .map(dk.ligevaerd.workspace.SideView::name).findFirst().orElse("?");
    }

    RoundService rounds() {
        return rounds;
    }

    StandingsDrawings standings() {
        return standings;
    }

    RecordExportService exports() {
        return exports;
    }

    long workspaceId() {
        return workspaceId;
    }

    @Nullable WorkspaceDetails details() {
        return details;
    }
}
