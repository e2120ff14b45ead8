/**
 * The purpose statement: the shared text that a workspace's sides write together, its accepted
 * changes, versions and authorship.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {
        "workspace", "account", "history", "insight", "insight :: metrics", "shared"})
package dk.ligevaerd.statement;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
