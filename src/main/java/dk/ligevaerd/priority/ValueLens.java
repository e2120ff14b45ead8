package dk.ligevaerd.priority;

import java.util.Locale;

/**
 * How a priority creates value, after the distinction in the research behind the product: public
 * value as the municipality tends to see it, and civil value as associations and citizens do.
 */
public enum ValueLens {
    SERVICE_QUALITY(Kind.PUBLIC),
    EFFICIENCY(Kind.PUBLIC),
    PARTICIPATION(Kind.CIVIL),
    ADVOCACY(Kind.CIVIL),
    SHARED_VALUES(Kind.CIVIL);

    public enum Kind { PUBLIC, CIVIL }

    private final Kind kind;

    ValueLens(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public String messageKey() {
        return "lens." + name().toLowerCase(Locale.ROOT);
    }
}
