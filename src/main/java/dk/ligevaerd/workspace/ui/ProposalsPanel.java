package dk.ligevaerd.workspace.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import dk.ligevaerd.shared.DomainException;
import dk.ligevaerd.shared.ui.Notices;
import dk.ligevaerd.workspace.GovernanceService;
import dk.ligevaerd.workspace.ProposalKind;
import dk.ligevaerd.workspace.ProposalText;
import dk.ligevaerd.workspace.ProposalView;
import dk.ligevaerd.workspace.SideView;
import dk.ligevaerd.workspace.WorkspaceDetails;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The pending proposals a tab is about, each with who proposed it, which sides have confirmed (by
 * whom) and which still have to, and the buttons the viewer may use. Hidden when there are none.
 */
class ProposalsPanel extends Div {

    private final GovernanceService governance;
    private final long workspaceId;
    private final Predicate<ProposalKind> concerns;
    private @Nullable WorkspaceDetails shownFor;

    ProposalsPanel(GovernanceService governance, long workspaceId, Predicate<ProposalKind> concerns) {
        this.governance = governance;
        this.workspaceId = workspaceId;
        this.concerns = concerns;
        addClassName("proposals-panel");
    }

    void show(WorkspaceDetails d) {
        shownFor = d;
        removeAll();
        List<ProposalView> shown = governance.pending(workspaceId).stream().filter(p -> concerns.test(p.kind()))
                .toList();
        setVisible(!shown.isEmpty());
        if (shown.isEmpty()) {
            return;
        }
        Paragraph help = new Paragraph(getTranslation("proposal.help"));
        help.addClassName("muted");
        add(new H3(getTranslation("proposal.title")), help);
        for (ProposalView p : shown) {
            add(card(p, d));
        }
    }

    /**
     * Draws the pending proposals again as the panel last drew them for: the page that just made a
     * proposal shows it at once, without waiting for the live event that tells every other page.
     */
    void refresh() {
        if (shownFor != null) {
            show(shownFor);
        }
    }

    private Div card(ProposalView p, WorkspaceDetails d) {
        Span what = new Span(describe(p, d));
        what.addClassName("proposal-what");
        Span by = new Span(getTranslation("proposal.by", p.proposedBy()));
        by.addClassName("muted");
        Div card = new Div(what, new Div(by));
        p.confirmedBy().forEach((side, who) -> {
            Div confirmed = new Div(new Span(getTranslation("proposal.confirmedBy", sideName(d, side), who)));
            confirmed.addClassName("proposal-confirmed");
            card.add(confirmed);
        });
        if (!p.waitingFor().isEmpty()) {
            Div waiting = new Div(new Span(getTranslation("proposal.waiting",
                    p.waitingFor().stream().map(s -> sideName(d, s)).collect(Collectors.joining(", ")))));
            waiting.addClassName("proposal-waiting");
            card.add(waiting);
        }
        HorizontalLayout actions = new HorizontalLayout();
        if (p.canConfirm()) {
            Button confirm = new Button(getTranslation("proposal.confirm"), e -> act(() -> {
                governance.confirm(workspaceId, p.id());
                return "proposal.confirmed";
            }));
            confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
            confirm.setId("proposal-confirm-" + p.id());
            actions.add(confirm);
        }
        if (p.canWithdraw()) {
            boolean mine = p.proposedById() == d.me().userId();
            Button withdraw = new Button(getTranslation(mine ? "proposal.withdraw" : "proposal.decline"),
                    e -> act(() -> {
                        governance.withdraw(workspaceId, p.id());
                        return "proposal.withdrawn";
                    }));
            withdraw.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            withdraw.setId("proposal-withdraw-" + p.id());
            actions.add(withdraw);
        }
        card.add(actions);
        card.addClassName("proposal-card");
        card.setId("proposal-" + p.id());
        return card;
    }

    /**
     * Runs a confirmation or withdrawal and redraws this panel at once, so whoever acted sees the
     * outcome without waiting for the live event (which still updates every other page, and this
     * one's frame when the proposal took effect).
     */
    private void act(java.util.function.Supplier<String> action) {
        try {
            Notices.success(this, action.get());
            refresh();
        } catch (DomainException refused) {
            Notices.error(getLocale(), refused);
        }
    }

    private String describe(ProposalView p, WorkspaceDetails d) {
        return ProposalText.describe((key, arguments) -> getTranslation(key, arguments), getLocale(), p.kind(),
                p.text(), p.role(), sideName(d, p.sideId()), p.subjectName() == null ? "" : p.subjectName(),
                sideName(d, p.targetSideId()));
    }

    private static String sideName(WorkspaceDetails d, @Nullable Long sideId) {
        return sideId == null ? "" : d.side(sideId).map(SideView::name).orElse("");
    }
}
