/**
 * Decision rounds: ballots, decision rules, tallies and closing. The rules themselves are in
 * {@code rules}, kept free of Spring and JPA so that they can be property-tested in milliseconds.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {
        "workspace", "account", "priority", "statement", "history", "insight", "insight :: metrics", "shared"})
package dk.ligevaerd.round;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
