package dk.ligevaerd.history;

import java.util.List;

/**
 * One part of "verify history": a feature checks that what it recorded is intact (the decision
 * records' hash chain, the statement's change log) and says exactly what is not. Spring beans;
 * {@link HistoryVerification} runs them all after checking that the caller may read the workspace.
 */
public interface HistoryCheck {

    /** Translation key naming what is checked, e.g. "verify.check.records". */
    String nameKey();

    /** The problems found; empty when intact. */
    List<Problem> check(long workspaceId);

    /** A problem, as a translation key and its arguments (e.g. the record's number). */
    record Problem(String messageKey, List<Object> arguments) {

        public static Problem of(String messageKey, Object... arguments) {
            return new Problem(messageKey, List.of(arguments));
        }
    }
}
