/**
 * Deliberation: comment threads on a passage of the purpose statement, on priorities, on decision
 * rounds and on decision records. A statement thread's passage follows the text through everyone's
 * changes ({@link dk.ligevaerd.statement.collab.Passage}).
 *
 * <p>The equality view and the history learn of comments through their extension points
 * ({@code EqualitySource}, {@code HistoryExport}, {@code HistoryCheck}), so neither depends on this
 * module.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"workspace", "account", "statement", "statement :: collab", "priority",
        "round", "history", "insight", "insight :: metrics", "shared"})
package dk.ligevaerd.deliberation;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
