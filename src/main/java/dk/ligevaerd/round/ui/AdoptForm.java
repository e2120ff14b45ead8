package dk.ligevaerd.round.ui;

import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import dk.ligevaerd.round.BallotView;
import dk.ligevaerd.round.DecisionRule;
import dk.ligevaerd.round.RoundService;
import dk.ligevaerd.round.RoundView;
import dk.ligevaerd.round.rules.AdoptBallot;
import dk.ligevaerd.round.rules.Vote;
import dk.ligevaerd.shared.ui.LengthLimit;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Yes, no or abstain; under consent also "object", which asks for the reason the others will see. */
class AdoptForm extends BallotForm {

    private final RoundService rounds;
    private final long workspaceId;
    private final RoundView round;
    private final RadioButtonGroup<Vote> vote = new RadioButtonGroup<>();
    private final TextArea reason = new TextArea();

    AdoptForm(RoundService rounds, long workspaceId, RoundView round) {
        super(round.id());
        this.rounds = rounds;
        this.workspaceId = workspaceId;
        this.round = round;
        addClassName("adopt-form");
        vote.setLabel(getTranslation("round.adopt.yourVote"));
        vote.setId("vote-" + round.id());
        List<Vote> choices = round.rule() == DecisionRule.CONSENT
                ? List.of(Vote.YES, Vote.NO, Vote.ABSTAIN, Vote.OBJECT)
                : List.of(Vote.YES, Vote.NO, Vote.ABSTAIN);
        vote.setItems(choices);
        vote.setItemLabelGenerator(v -> getTranslation("round.vote." + v.name().toLowerCase(Locale.ROOT)));
        vote.addValueChangeListener(e -> {
            reason.setVisible(e.getValue() == Vote.OBJECT);
            if (e.isFromClient()) {
                edited();
            }
        });
        reason.setLabel(getTranslation("round.adopt.reason"));
        reason.setHelperText(getTranslation(round.secret() ? "round.adopt.reasonHelpSecret" : "round.adopt.reasonHelp"));
        LengthLimit.counted(reason, AdoptBallot.REASON_MAX_LENGTH);
        reason.setWidthFull();
        reason.setVisible(false);
        reason.setId("objection-reason-" + round.id());
        reason.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                edited();
            }
        });
        add(vote, reason);
        finish();
    }

    @Override
    protected Caster caster() {
        Vote chosen = vote.getValue();
        String text = reason.getValue();
        return () -> {
            if (chosen == null) {
                throw new dk.ligevaerd.shared.DomainException("round.adopt.chooseVote");
            }
            rounds.castAdopt(workspaceId, round.id(), chosen, chosen == Vote.OBJECT ? text : null);
        };
    }

    @Override
    protected void fill(@Nullable BallotView ballot) {
        vote.setValue(ballot == null ? null : ballot.vote());
        reason.setValue(ballot == null || ballot.reason() == null ? "" : ballot.reason());
        reason.setVisible(ballot != null && ballot.vote() == Vote.OBJECT);
    }
}
