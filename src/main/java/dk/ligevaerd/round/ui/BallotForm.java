package dk.ligevaerd.round.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import dk.ligevaerd.round.BallotView;
import dk.ligevaerd.shared.DomainException;
import dk.ligevaerd.shared.Messages;
import dk.ligevaerd.shared.ui.Formats;
import dk.ligevaerd.shared.ui.Notices;
import org.jspecify.annotations.Nullable;

/**
 * What the three ballots share: a submit button that casts or replaces the ballot, a line saying
 * whether the voter's ballot is counted, and a place for the reason a ballot was refused. The
 * form keeps what the voter is editing while other people's ballots update the page around it.
 */
abstract class BallotForm extends Div {

    /** Sends the ballot to the server; throws a {@link DomainException} to refuse it. */
    @FunctionalInterface
    interface Caster {
        void cast();
    }

    protected final Button submit = new Button();
    private final Paragraph status = new Paragraph();
    private final Paragraph error = new Paragraph();
    private @Nullable BallotView saved;
    /** Whether the voter changed the form since it last showed their saved ballot. */
    protected boolean dirty;
    private Runnable afterCast = () -> { };

    BallotForm(long roundId) {
        addClassName("ballot-form");
        getElement().setAttribute("data-round", String.valueOf(roundId));
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClassName("ballot-submit");
        submit.setId("ballot-submit-" + roundId);
        submit.addClickListener(e -> send());
        status.addClassNames("ballot-status", "muted");
        status.setId("ballot-status-" + roundId);
        error.addClassName("form-error");
        error.getElement().setAttribute("role", "alert");
    }

    /** Adds the shared parts below the form's own fields. */
    protected void finish() {
        add(error, submit, status);
        showSaved();
    }

    protected abstract Caster caster();

    /** What to do once a ballot is saved: the card shows it in the same round trip. */
    void afterCast(Runnable action) {
        afterCast = action;
    }

    /** Puts a saved ballot into the fields. */
    protected abstract void fill(@Nullable BallotView ballot);

    private void send() {
        try {
            caster().cast();
            error.setText("");
            dirty = false;
            Notices.success(this, "round.notice.ballotSaved");
            afterCast.run();
        } catch (DomainException refused) {
            error.setText(Messages.get(getLocale(), refused));
        }
    }

    /** The latest saved ballot from the server; fills the fields unless the voter is editing. */
    void load(@Nullable BallotView ballot) {
        boolean changed = saved == null ? ballot != null : !saved.equals(ballot);
        this.saved = ballot;
        if (changed && !dirty) {
            fill(ballot);
        }
        showSaved();
    }

    protected void edited() {
        dirty = true;
        error.setText("");
    }

    private void showSaved() {
        submit.setText(getTranslation(saved == null ? "round.ballot.cast" : "round.ballot.replace"));
        status.setText(saved == null ? getTranslation("round.ballot.none")
                : getTranslation("round.ballot.counted", Formats.dateTime(saved.castAt(), getLocale())));
    }

    static Component spacer() {
        Div spacer = new Div();
        spacer.addClassName("spacer");
        return spacer;
    }
}
