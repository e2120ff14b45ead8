package dk.ligevaerd.priority;

import java.util.Locale;

public enum PriorityState {
    PROPOSED, WITHDRAWN, MERGED, ADOPTED, NOT_ADOPTED;

    public String messageKey() {
        return "priority.state." + name().toLowerCase(Locale.ROOT);
    }
}
