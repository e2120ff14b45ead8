package dk.ligevaerd.round.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextArea;
import dk.ligevaerd.round.DecisionRule;
import dk.ligevaerd.round.LiveCounts;
import dk.ligevaerd.round.OpenObjection;
import dk.ligevaerd.round.RecordView;
import dk.ligevaerd.round.RoundKind;
import dk.ligevaerd.round.RoundState;
import dk.ligevaerd.round.RoundView;
import dk.ligevaerd.round.domain.DecisionRound;
import dk.ligevaerd.round.rules.AdoptResult;
import dk.ligevaerd.round.rules.PrioritizeMethod;
import dk.ligevaerd.round.rules.PrioritizeResult;
import dk.ligevaerd.shared.DomainException;
import dk.ligevaerd.shared.Messages;
import dk.ligevaerd.shared.ui.Formats;
import dk.ligevaerd.shared.ui.LengthLimit;
import dk.ligevaerd.shared.ui.MissingFields;
import dk.ligevaerd.shared.ui.Markup;
import dk.ligevaerd.shared.ui.Morph;
import dk.ligevaerd.shared.ui.Sketch;
import dk.ligevaerd.shared.ui.Notices;
import dk.ligevaerd.workspace.MemberView;
import dk.ligevaerd.workspace.WorkspaceDetails;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * One round in the list. Its parts are updated in place when anything changes, and the ballot
 * form is kept as it is, so a voter halfway through their ballot loses nothing when someone
 * else votes; the form is rebuilt only when the round's state changes.
 */
class RoundCard extends Div {

    private final RoundsTab tab;
    private final long roundId;
    private final H3 title = new H3();
    private final Span state = new Span();
    private final Paragraph summary = new Paragraph();
    private final Div subject = new Div();
    private final Div live = new Div();
    private final Div formSlot = new Div();
    private final Div standings = new Div();
    /** Where {@link #standings(RoundView)} builds; laid over the shown standings once built. */
    private Div draft = standings;
    /** What the standings were last made to look like; only {@link #standings(RoundView)} changes them. */
    private @Nullable Sketch shownStandings;
    private final Div actions = new Div();
    private final Div record = new Div();
    /** The open round's turnout per side, kept so that ballots change their text in place. */
    private final Map<Long, Div> chips = new HashMap<>();
    private final Map<Long, Span> counts = new HashMap<>();
    private final Paragraph quorumMissing = new Paragraph();
    private @Nullable Div closing;
    private @Nullable BallotForm form;
    private @Nullable RoundState shownState;
    private boolean shownVotingEnded;
    private long shownRecord = -1;
    private @Nullable RoundView shown;
    /** The links into the discussion about this round and its record, with the comments standing about each. */
    private @Nullable Anchor roundDiscuss;
    private @Nullable Anchor recordDiscuss;
    private String roundDiscussName = "";
    private String recordDiscussName = "";
    private int commentsOnRound;
    private int commentsOnRecord;
    private @Nullable Object shownFor;

    RoundCard(RoundsTab tab, long roundId) {
        this.tab = tab;
        this.roundId = roundId;
        addClassName("round-card");
        setId("round-" + roundId);
        state.addClassName("round-state");
        state.setId("round-state-" + roundId);
        Div head = new Div(title, state);
        head.addClassName("round-head");
        summary.addClassNames("muted", "round-summary");
        subject.addClassName("round-subject");
        live.addClassName("round-live");
        live.setId("round-live-" + roundId);
        standings.addClassName("round-standings");
        standings.setId("round-standings-" + roundId);
        actions.addClassName("round-actions");
        record.addClassName("round-record");
        record.setId("round-record-" + roundId);
        quorumMissing.addClassName("quorum-warning");
        add(head, summary, subject, live, formSlot, standings, actions, record);
    }

    /**
     * Shows the counts after ballots in place: each side's count and quorum mark, the warning
     * while a quorum is missing, and the standings where the round shows them live. The rest of
     * the card, the voter's form among it, stays as it is.
     *
     * @return false when the card does not show an open round's turnout, so it needs {@link #update}
     */
    boolean showCounts(LiveCounts latest) {
        RoundView before = shown;
        if (before == null || before.state() != RoundState.OPEN || closing == null
                || !counts.keySet().equals(before.sides().stream().map(RoundView.SideTurnout::sideId)
                        .collect(Collectors.toSet()))) {
            return false;
        }
        RoundView now = before.withCounts(latest);
        if (now.equals(before)) {
            return true;
        }
        for (RoundView.SideTurnout side : now.sides()) {
            turnout(side, Objects.requireNonNull(chips.get(side.sideId())),
                    Objects.requireNonNull(counts.get(side.sideId())));
        }
        quorumWarning(now);
        if ((now.liveTallies() && !now.secret()) || !now.objections().equals(before.objections())) {
            standings(now);
        }
        shown = now;
        return true;
    }

    private void turnout(RoundView.SideTurnout side, Div chip, Span count) {
        Morph.text(count.getElement(), " " + getTranslation(side.quorumMet() ? "round.turnout.reached"
                : "round.turnout.notYet", side.ballots(), side.quorum()));
        chip.setClassName("quorum-met", side.quorumMet());
        chip.setClassName("quorum-missed", !side.quorumMet());
    }

    /** The warning that a quorum is missing, just above the closing status, while it is. */
    private void quorumWarning(RoundView r) {
        if (r.quorumMet()) {
            quorumMissing.removeFromParent();
        } else if (quorumMissing.getParent().isEmpty() && closing != null) {
            live.addComponentAtIndex(live.indexOf(closing), quorumMissing);
        }
    }

    /** The round as this card shows it now; null before its first drawing. */
    @Nullable RoundView shownRound() {
        return shown;
    }

    void update(RoundView r, WorkspaceDetails d) {
        // The page calls this on every change in the workspace (presence, priorities, other
        // rounds); redrawing an unchanged round would only send the same DOM again.
        Object viewer = java.util.List.of(d.me().role(), Objects.requireNonNullElse(d.me().sideId(), -1L));
        if (r.equals(shown) && viewer.equals(shownFor)) {
            return;
        }
        shown = r;
        shownFor = viewer;
        boolean stateChanged = r.state() != shownState || r.votingEnded() != shownVotingEnded;
        shownState = r.state();
        shownVotingEnded = r.votingEnded();
        getElement().setAttribute("data-state", r.state().name());
        getElement().setAttribute("data-voting-ended", String.valueOf(r.votingEnded()));
        title.setText(r.title());
        state.setText(getTranslation(r.votingEnded() && r.state() == RoundState.OPEN ? "round.state.votingEnded"
                : r.state().messageKey()));
        state.getElement().setAttribute("class", "round-state round-state-" + r.state().name().toLowerCase(Locale.ROOT));
        summary.setText(summaryText(r));
        // A closed round's record states its settings itself, from what was stored.
        summary.setVisible(r.state() != RoundState.CLOSED);
        if (stateChanged || r.state() == RoundState.DRAFT) {
            subject(r);
        }
        live(r, d);
        if (stateChanged) {
            formSlot.removeAll();
            form = null;
            if (r.state() == RoundState.OPEN && r.canVote() && !r.votingEnded()) {
                form = switch (r.kind()) {
                    case ADOPT -> new AdoptForm(tab.rounds(), tab.workspaceId(), r);
                    case PRIORITIZE -> r.method() == PrioritizeMethod.DOTS
                            ? new DotsForm(tab.rounds(), tab.workspaceId(), r)
                            : new RankingForm(tab.rounds(), tab.workspaceId(), r);
                };
                // The voter's own page shows their ballot and the new count at once, before the
                // live event reaches the other pages.
                form.afterCast(this::showNow);
                formSlot.add(form);
            }
        }
        if (form != null) {
            form.load(r.myBallot());
        }
        standings(r);
        actions(r, d);
        if (r.state() == RoundState.CLOSED) {
            showRecord(r);
        } else {
            record.removeAll();
            shownRecord = -1;
        }
        if (r.state() == RoundState.CANCELLED) {
            record.removeAll();
            Paragraph reason = new Paragraph(getTranslation("round.cancelledBecause", Objects.requireNonNullElse(
                    r.cancelReason(), ""), r.cancelledAt() == null ? "" : Formats.dateTime(r.cancelledAt(), getLocale())));
            reason.addClassName("record-notice");
            record.add(reason);
            r.sides().stream().filter(s -> s.cancelReason() != null).forEach(s -> record.add(Show.withClass(
                    new Paragraph(s.name() + ": " + getTranslation("round.closing.cancelAsked",
                            memberName(d, s.cancelRequestBy()), s.cancelReason())), "muted")));
        }
    }

    private String summaryText(RoundView r) {
        StringBuilder text = new StringBuilder(getTranslation(r.kind().messageKey()));
        if (r.kind() == RoundKind.PRIORITIZE) {
            text.append(" · ").append(r.method() == PrioritizeMethod.DOTS
                    ? getTranslation("round.summary.dots", r.budget(), r.capPerOption())
                    : getTranslation("round.summary.ranking"));
            text.append(" · ").append(getTranslation("round.summary.topPlaces", r.adoptTopPlaces()));
            if (r.adoptEverySide()) {
                text.append(" · ").append(getTranslation("round.summary.everySide"));
            }
        } else {
            text.append(" · ").append(getTranslation("record.rule", getTranslation(r.rule().messageKey())));
        }
        text.append(" · ").append(r.quorumBySide().values().stream().allMatch(q -> q == r.quorumPerSide())
                ? getTranslation("round.summary.quorum", r.quorumPerSide())
                : getTranslation("round.summary.quorumBySide"));
        text.append(" · ").append(getTranslation(r.liveTallies() ? "round.summary.live" : "round.summary.hidden"));
        text.append(" · ").append(getTranslation(r.secret() ? "round.summary.secret" : "round.summary.named"));
        if (r.closesAt() != null) {
            text.append(" · ").append(getTranslation("round.summary.closesAt",
                    Formats.dateTime(r.closesAt(), getLocale())));
        }
        return text.toString();
    }

    private void subject(RoundView r) {
        subject.removeAll();
        if (r.state() == RoundState.CLOSED) {
            return;
        }
        if (r.kind() == RoundKind.PRIORITIZE) {
            if (r.state() == RoundState.DRAFT || !r.canVote()) {
                Div list = new Div();
                list.addClassName("round-options");
                for (RoundView.Option option : r.options()) {
                    list.add(Show.text(option.title(), "round-option"));
                }
                subject.add(list);
            }
            return;
        }
        if (r.text() != null) {
            Paragraph label = new Paragraph(getTranslation("round.adopt.votingOn",
                    Objects.requireNonNullElse(r.versionName(), "")));
            label.addClassName("muted");
            Div text = new Div();
            text.addClassName("statement-text");
            text.setText(r.text().isEmpty() ? getTranslation("round.adopt.emptyText") : r.text());
            subject.add(label, text);
        } else {
            subject.add(Show.withClass(new Paragraph(r.versionName() == null
                    ? getTranslation("round.adopt.currentTextAtOpening")
                    : getTranslation("round.adopt.votingOn", r.versionName())), "muted"));
        }
    }

    /** Ballots per side against the quorum, and who still has to confirm closing. */
    private void live(RoundView r, WorkspaceDetails d) {
        live.removeAll();
        chips.clear();
        counts.clear();
        closing = null;
        if (r.state() != RoundState.OPEN) {
            return;
        }
        Div turnout = new Div();
        turnout.addClassName("turnout");
        for (RoundView.SideTurnout side : r.sides()) {
            Span count = new Span();
            count.addClassName("turnout-count");
            count.setId("turnout-" + r.id() + "-" + side.sideId());
            Div chip = new Div(new Show.Side(side.sideId(), side.name(), side.colour()).badge(), count);
            chip.addClassName("turnout-side");
            chip.getElement().setAttribute("data-side", String.valueOf(side.sideId()));
            turnout(side, chip, count);
            chips.put(side.sideId(), chip);
            counts.put(side.sideId(), count);
            turnout.add(chip);
        }
        live.add(turnout);
        if (r.votingEnded()) {
            live.add(Show.withClass(new Paragraph(getTranslation("round.votingEnded",
                    Formats.dateTime(Objects.requireNonNull(r.votingEndedAt()), getLocale()))), "round-notice"));
        }
        for (Long side : r.sidesWithoutModerator()) {
            live.add(Show.withClass(new Paragraph(getTranslation("round.warning.noModerator", sideName(r, side))),
                    "quorum-warning", "round-warning"));
        }
        for (Long side : r.removedSides()) {
            live.add(Show.withClass(new Paragraph(getTranslation("round.warning.sideRemoved", sideName(r, side))),
                    "quorum-warning", "round-warning"));
        }
        quorumMissing.setText(getTranslation("round.quorumMissing"));
        if (!r.quorumMet()) {
            live.add(quorumMissing);
        }
        Div closing = new Div();
        this.closing = closing;
        closing.addClassName("closing-status");
        closing.setId("closing-status-" + r.id());
        // Who confirmed and who is waiting only shows; it is redrawn with the rest of this part, so
        // it is markup: one node for the page, held once for the pages in this language.
        Div lines = new Div();
        if (r.jointClosing()) {
            for (RoundView.SideTurnout side : r.sides()) {
                Div line = new Div(new Show.Side(side.sideId(), side.name(), side.colour()).badge());
                line.addClassName("closing-side");
                if (side.confirmedBy() != null) {
                    line.add(new Span(" " + getTranslation("round.closing.confirmed", memberName(d, side.confirmedBy()),
                            Formats.dateTime(Objects.requireNonNull(side.confirmedAt()), getLocale()))));
                    line.addClassName("confirmed");
                } else if (r.requiredSides().contains(side.sideId())) {
                    line.add(new Span(" " + getTranslation("round.closing.waiting")));
                    line.addClassName("waiting");
                }
                if (side.cancelRequestBy() != null) {
                    line.add(new Span(" · " + getTranslation("round.closing.cancelAsked",
                            memberName(d, side.cancelRequestBy()), Objects.requireNonNullElse(side.cancelReason(), ""))));
                    line.addClassName("cancel-asked");
                }
                lines.add(line);
            }
        } else {
            lines.add(Show.withClass(new Paragraph(getTranslation("round.closing.single")), "muted"));
        }
        closing.getElement().setProperty("innerHTML", Markup.shared(Sketch.of(lines.getElement()).innerHtml()));
        live.add(closing);
    }

    private String sideName(RoundView r, long sideId) {
        return r.side(sideId).map(RoundView.SideTurnout::name).orElse("?");
    }

    /**
     * Draws the standings anew and lays them over the shown ones ({@link Morph}): after a ballot,
     * usually a few numbers change, and only those go to the browser.
     */
    private void standings(RoundView r) {
        Sketch drawing;
        if (r.state() == RoundState.OPEN) {
            // The same on every page in this language: drawn once for all of them, from the round
            // as every member sees it.
            drawing = tab.standings().of(r, getLocale(), this::sketchOfStandings);
        } else {
            tab.standings().forget(r.id());
            drawing = sketchOfStandings(r);
        }
        // Should laying it over fail half-way, the next drawing is compared with the page itself.
        Sketch was = shownStandings;
        shownStandings = null;
        Morph.children(standings.getElement(), was, drawing);
        shownStandings = drawing;
    }

    private Sketch sketchOfStandings(RoundView r) {
        draft = new Div();
        try {
            drawStandings(r);
            return Sketch.of(draft.getElement());
        } finally {
            draft = standings;
        }
    }

    private void drawStandings(RoundView r) {
        if (r.state() == RoundState.DRAFT) {
            for (Long side : r.secretWarnings()) {
                draft.add(Show.withClass(new Paragraph(getTranslation("round.warning.loneVoter",
                        tab.sideName(side))), "quorum-warning", "round-warning"));
            }
            if (r.kind() == RoundKind.PRIORITIZE) {
                draft.add(Show.withClass(new Paragraph(adoptionPromise(r)), "muted", "round-adoption"));
            }
        }
        if (r.state() != RoundState.OPEN) {
            return;
        }
        if (!r.liveTallies() || r.secret()) {
            draft.add(Show.withClass(new Paragraph(getTranslation("round.standings.hidden")), "muted"));
            objections(r);
            return;
        }
        List<Show.Side> sides = r.sides().stream().map(s -> new Show.Side(s.sideId(), s.name(), s.colour())).toList();
        if (r.prioritizeStandings() != null) {
            PrioritizeResult result = r.prioritizeStandings();
            draft.add(Show.withClass(new Paragraph(getTranslation("round.standings.title")), "standings-title"));
            verdict(prioritizeVerdict(r, result));
            draft.add(ResultTables.prioritize(standings, ResultTables.rows(r, result), sides,
                    false, getLocale()));
        } else if (r.adoptStandings() != null) {
            AdoptResult result = r.adoptStandings();
            draft.add(Show.withClass(new Paragraph(getTranslation("round.standings.title")), "standings-title"));
            verdict(adoptVerdict(r, result));
            draft.add(ResultTables.adopt(standings, ResultTables.votes(result), sides,
                    r.rule() == DecisionRule.CONSENT, getLocale()));
            if (r.rule() != DecisionRule.CONSENT) {
                // Under consent every person holds the same veto, so head count decides the same.
                draft.add(Show.withClass(new Paragraph(getTranslation("record.adopt.headCount",
                        Show.percent(result.headCountSupport(), getLocale()), getTranslation(
                                result.headCountAdopts() ? "record.verdict.adopt" : "record.verdict.reject"))),
                        "round-head-count"));
            }
            objections(r);
        }
    }

    /** The rule's state now, in words: the first thing the standings say. */
    private void verdict(String text) {
        Paragraph verdict = new Paragraph(text);
        verdict.addClassName("round-verdict");
        verdict.setId("round-verdict-" + roundId);
        draft.add(verdict);
    }

    /**
     * What the rule says about an ADOPT round's ballots now. Each line states only what the rule
     * uses: which side has not reached its quorum, the objections under consent, the mean support
     * under side parity, the sides without a majority under double majority.
     */
    private String adoptVerdict(RoundView r, AdoptResult result) {
        List<String> lines = new java.util.ArrayList<>();
        if (!result.sidesMissingQuorum().isEmpty()) {
            lines.add(noDecisionYet(r, result.sidesMissingQuorum(), result.ballotsPerSide()));
        }
        if (result.blockingObjections() > 0) {
            lines.add(getTranslation("round.live.blocked", result.blockingObjections()));
        } else if (result.sidesMissingQuorum().isEmpty()) {
            lines.add(switch (r.rule()) {
                case SIDE_PARITY -> getTranslation(result.ruleAdopts() ? "round.live.parity.adopt"
                        : "round.live.parity.reject", Show.percent(result.paritySupport(), getLocale()));
                case DOUBLE_MAJORITY -> result.ruleAdopts() ? getTranslation("round.live.double.adopt")
                        : getTranslation("round.live.double.reject", sideNames(r, result.sidesWithoutMajority()));
                case CONSENT -> getTranslation("round.live.consent.adopt");
            });
        }
        return String.join(" ", lines);
    }

    /** What a PRIORITIZE round would adopt now, by the same rule that will write its record. */
    private String prioritizeVerdict(RoundView r, PrioritizeResult result) {
        if (!result.sidesMissingQuorum().isEmpty()) {
            return noDecisionYet(r, result.sidesMissingQuorum(), result.ballotsPerSide());
        }
        List<Long> adopted = r.adoption().select(result).adopted();
        if (adopted.isEmpty()) {
            return getTranslation("round.live.prioritize.none");
        }
        return getTranslation("round.live.prioritize.adopt", adopted.size(),
                adopted.stream().map(id -> "“" + r.optionTitle(id) + "”").collect(Collectors.joining(", ")));
    }

    /** "No decision yet: Civilsamfund has not voted", a clause for every side below its quorum. */
    private String noDecisionYet(RoundView r, java.util.Set<Long> missing, Map<Long, Integer> ballots) {
        String clauses = missing.stream().map(side -> {
            int cast = ballots.getOrDefault(side, 0);
            return cast == 0 ? getTranslation("round.live.sideNotVoted", sideName(r, side))
                    : getTranslation("round.live.sideBelowQuorum", sideName(r, side), cast, r.quorumFor(side));
        }).collect(Collectors.joining(getTranslation("round.live.and")));
        return getTranslation("round.live.noDecisionYet", clauses);
    }

    private String sideNames(RoundView r, java.util.Set<Long> sides) {
        return sides.stream().map(side -> sideName(r, side)).collect(Collectors.joining(getTranslation("round.live.and")));
    }

    /** PRIORITIZE: before opening, how many priorities the round can adopt and on what condition. */
    private String adoptionPromise(RoundView r) {
        String places = getTranslation("round.adoption.places", Math.max(1, r.adoptTopPlaces()), r.options().size());
        return r.adoptEverySide() ? places + " " + getTranslation("round.adoption.everySide") : places;
    }

    /**
     * Under consent, every objection with its side, live: consent works only if everyone sees
     * what blocks adoption while there is time to talk about it. A secret round shows the side alone.
     */
    private void objections(RoundView r) {
        if (r.rule() != DecisionRule.CONSENT || r.kind() != RoundKind.ADOPT) {
            return;
        }
        Div box = new Div();
        box.addClassName("round-objections");
        box.setId("round-objections-" + roundId);
        if (r.objections().isEmpty()) {
            box.add(Show.withClass(new Paragraph(getTranslation("round.objections.none")), "muted"));
            draft.add(box);
            return;
        }
        box.add(Show.withClass(new Paragraph(getTranslation("round.objections.title", r.objections().size())),
                "standings-title"));
        com.vaadin.flow.component.html.UnorderedList list = new com.vaadin.flow.component.html.UnorderedList();
        list.addClassName("objection-list");
        for (OpenObjection o : r.objections()) {
            com.vaadin.flow.component.html.ListItem item = new com.vaadin.flow.component.html.ListItem();
            item.getElement().setAttribute("data-side", String.valueOf(o.sideId()));
            r.side(o.sideId()).ifPresent(s -> item.add(new Show.Side(s.sideId(), s.name(), s.colour()).badge(),
                    new Span(" ")));
            item.add(new Span(o.reason() == null ? getTranslation("round.objections.secretReason") : o.reason()));
            list.add(item);
        }
        box.add(list);
        draft.add(box);
    }

    private void actions(RoundView r, WorkspaceDetails d) {
        actions.removeAll();
        if (d.canModerate()) {
            moderatorActions(r, d);
        }
        roundDiscussName = getTranslation("round.discussLabel", r.title());
        roundDiscuss = discussLink("round", r.id(), "round-discuss-", getTranslation("round.discuss"), roundDiscussName);
        actions.add(roundDiscuss);
        labelDiscussion();
    }

    /**
     * How many comments stand about this round and about its record: said on the links into the
     * discussion ("Discuss this round (3)"), visibly and to screen readers.
     */
    void showComments(int aboutRound, int aboutRecord) {
        commentsOnRound = aboutRound;
        commentsOnRecord = aboutRecord;
        labelDiscussion();
    }

    private void labelDiscussion() {
        label(roundDiscuss, commentsOnRound, getTranslation("round.discuss"), roundDiscussName);
        label(recordDiscuss, commentsOnRecord, getTranslation("record.discuss"), recordDiscussName);
    }

    private void label(@Nullable Anchor link, int comments, String text, String name) {
        if (link == null) {
            return;
        }
        link.setText(comments == 0 ? text : getTranslation("round.discussWithCount", text, comments));
        link.getElement().setAttribute("aria-label", comments == 0 ? name
                : getTranslation("round.discussWithCountLabel", name, comments));
    }

    /**
     * A plain address into the discussion with its form opened on this item ({@code on} is
     * {@code round} or {@code record}), so the rounds need not know the discussion feature. The
     * accessible name starts with the visible words and adds which round, since every card has one.
     */
    private Anchor discussLink(String on, long item, String idPrefix, String text, String accessibleName) {
        Anchor discuss = new Anchor("workspace/" + tab.workspaceId() + "/discussion?on=" + on + "&item=" + item, text);
        discuss.setId(idPrefix + roundId);
        discuss.addClassName(on + "-discuss");
        discuss.getElement().setAttribute("aria-label", accessibleName);
        return discuss;
    }

    private void moderatorActions(RoundView r, WorkspaceDetails d) {
        switch (r.state()) {
            case DRAFT -> {
                actions.add(button("round.action.edit", VaadinIcon.EDIT, "round-edit-", false,
                        () -> tab.openEditor(r)));
                actions.add(button("round.action.open", VaadinIcon.PLAY, "round-open-", true, () -> open(r)));
                actions.add(cancelButton(r));
            }
            case OPEN -> {
                Long mySide = d.me().sideId();
                Optional<RoundView.SideTurnout> mine = mySide == null ? Optional.empty() : r.side(mySide);
                if (mine.isPresent() && mine.get().confirmedBy() != null && r.jointClosing()) {
                    actions.add(button("round.action.withdraw", VaadinIcon.ARROW_BACKWARD, "round-withdraw-", false,
                            () -> act(() -> tab.rounds().withdrawConfirmation(tab.workspaceId(), r.id()),
                                    "round.notice.withdrawn")));
                } else if (mine.isPresent()) {
                    actions.add(button("round.action.confirm", VaadinIcon.CHECK, "round-confirm-", true,
                            () -> confirmClosing(r)));
                }
                if (mine.isPresent() && mine.get().cancelRequestBy() != null) {
                    actions.add(button("round.action.withdrawCancel", VaadinIcon.ARROW_BACKWARD,
                            "round-withdraw-cancel-", false, () -> act(() -> tab.rounds()
                                    .withdrawCancelRequest(tab.workspaceId(), r.id()), null)));
                } else {
                    actions.add(cancelButton(r));
                }
            }
            default -> {
                // Closed and cancelled rounds have nothing left to do.
            }
        }
    }

    /** Opens a draft; where a secret objection would name its side's only voter, asks first. */
    private void open(RoundView r) {
        if (r.secretWarnings().isEmpty()) {
            act(() -> tab.rounds().open(tab.workspaceId(), r.id()), "round.notice.opened");
            return;
        }
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setHeader(getTranslation("round.open.title", r.title()));
        dialog.setText(String.join(" ", r.secretWarnings().stream()
                .map(side -> getTranslation("round.warning.loneVoter", tab.sideName(side))).toList()));
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("action.cancel"));
        dialog.setConfirmText(getTranslation("round.open.yes"));
        dialog.addConfirmListener(e -> act(() -> tab.rounds().open(tab.workspaceId(), r.id()),
                "round.notice.opened"));
        dialog.open();
    }

    private void confirmClosing(RoundView r) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setHeader(getTranslation("round.confirm.title", r.title()));
        String text = getTranslation(r.jointClosing() ? "round.confirm.joint" : "round.confirm.single");
        if (!r.quorumMet()) {
            text += " " + getTranslation("round.confirm.noQuorum");
        }
        dialog.setText(text);
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("action.cancel"));
        dialog.setConfirmText(getTranslation("round.confirm.yes"));
        dialog.addConfirmListener(e -> act(() -> {
            boolean closed = tab.rounds().confirmClosing(tab.workspaceId(), r.id());
            if (closed) {
                Notices.success(this, "round.notice.closed");
            }
        }, null));
        dialog.open();
    }

    private Button cancelButton(RoundView r) {
        return button("round.action.cancel", VaadinIcon.BAN, "round-cancel-", false, () -> {
            Dialog dialog = new Dialog();
            dialog.setHeaderTitle(getTranslation("round.cancel.title", r.title()));
            TextArea reason = new TextArea(getTranslation("round.cancel.reason"));
            LengthLimit.counted(reason, DecisionRound.CANCEL_REASON_MAX_LENGTH);
            reason.setWidthFull();
            reason.setId("round-cancel-reason");
            Paragraph error = new Paragraph();
            error.addClassName("form-error");
            error.getElement().setAttribute("role", "alert");
            if (r.state() == RoundState.OPEN && r.jointClosing()) {
                dialog.add(Show.withClass(new Paragraph(getTranslation("round.cancel.joint")), "muted"));
            }
            dialog.add(reason, error);
            Button cancel = new Button(getTranslation("round.action.cancel"), e -> {
                error.setText("");
                if (new MissingFields().check(reason, reason.getValue().isBlank(),
                        getTranslation("error.missing.cancelReason")).any()) {
                    return;
                }
                try {
                    boolean cancelled = tab.rounds().cancel(tab.workspaceId(), r.id(), reason.getValue());
                    dialog.close();
                    if (!cancelled) {
                        Notices.success(this, "round.notice.cancelAsked");
                    }
                    showNow();
                } catch (DomainException refused) {
                    error.setText(Messages.get(getLocale(), refused));
                }
            });
            cancel.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
            cancel.setId("round-cancel-confirm");
            dialog.getFooter().add(new Button(getTranslation("round.cancel.keep"), e -> dialog.close()), cancel);
            dialog.setWidth("min(32rem, 95vw)");
            dialog.open();
            reason.focus();
        });
    }

    private Button button(String key, VaadinIcon icon, String idPrefix, boolean primary, Runnable action) {
        Button button = new Button(getTranslation(key), icon.create(), e -> action.run());
        button.setId(idPrefix + roundId);
        button.addThemeVariants(primary ? ButtonVariant.LUMO_PRIMARY : ButtonVariant.LUMO_TERTIARY);
        return button;
    }

    private void act(Runnable action, @Nullable String successKey) {
        try {
            action.run();
            if (successKey != null) {
                Notices.success(this, successKey);
            }
            showNow();
        } catch (DomainException refused) {
            Notices.error(getLocale(), refused);
        }
    }

    /**
     * Shows the outcome of this page's own action at once, in the same round trip, rather than
     * waiting for the live event that tells every other page: the person who clicked sees it first.
     * The event then finds the card already up to date and skips it.
     */
    private void showNow() {
        WorkspaceDetails d = tab.details();
        if (d != null) {
            update(tab.rounds().get(tab.workspaceId(), roundId), d);
        }
    }

    private void showRecord(RoundView r) {
        if (shownRecord >= 0) {
            return;
        }
        Optional<RecordView> found = tab.rounds().record(tab.workspaceId(), r.id());
        found.ifPresent(view -> {
            record.removeAll();
            record.add(new RecordPanel(view, tab.exports(), tab.workspaceId(), getLocale(), true));
            Anchor page = new Anchor("workspace/" + tab.workspaceId() + "/record/" + view.seq(),
                    getTranslation("record.page.open", view.seq()));
            page.setId("record-page-link-" + r.id());
            page.addClassName("record-page-link");
            Anchor equality = new Anchor("workspace/" + tab.workspaceId() + "/equality?round=" + r.id(),
                    getTranslation("record.page.equalityShort"));
            equality.addClassName("record-page-link");
            recordDiscussName = getTranslation("record.discussLabel", view.seq(), view.title());
            Anchor discuss = discussLink("record", r.id(), "record-discuss-", getTranslation("record.discuss"),
                    recordDiscussName);
            discuss.addClassName("record-page-link");
            recordDiscuss = discuss;
            labelDiscussion();
            Div links = new Div(page, equality, discuss);
            links.addClassName("record-links");
            record.add(links);
            shownRecord = view.recordId();
        });
    }

    private static String memberName(WorkspaceDetails d, @Nullable Long userId) {
        if (userId == null) {
            return "";
        }
        return d.members().stream().filter(m -> m.userId() == userId).map(MemberView::displayName).findFirst()
                .orElse("");
    }

    long roundId() {
        return roundId;
    }
}
