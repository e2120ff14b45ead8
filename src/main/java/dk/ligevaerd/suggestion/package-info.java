/**
 * Suggested changes to the purpose statement: a participant proposes to replace a passage (or to
 * insert text at a point) with a reason, and the change goes into the statement only when every
 * other side has accepted it.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {
        "workspace", "statement", "statement :: collab", "history", "insight", "insight :: metrics", "shared"})
package dk.ligevaerd.suggestion;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
