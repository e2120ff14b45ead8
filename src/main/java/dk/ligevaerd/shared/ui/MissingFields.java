package dk.ligevaerd.shared.ui;

import com.vaadin.flow.component.shared.HasValidationProperties;

/**
 * Checks a form's required fields all at once before anything is sent: every field that is
 * missing says so under itself, so a person sees the whole list instead of one complaint at a
 * time. The service checks again; this only spares the round trip of one error per try.
 */
public final class MissingFields {

    private boolean any;

    /** Marks the field with the message when {@code missing}, and clears an earlier mark otherwise. */
    public MissingFields check(HasValidationProperties field, boolean missing, String message) {
        field.setInvalid(missing);
        field.setErrorMessage(missing ? message : null);
        any |= missing;
        return this;
    }

    public boolean any() {
        return any;
    }
}
