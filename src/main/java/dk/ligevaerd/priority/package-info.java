@NullMarked
@ApplicationModule(allowedDependencies = {"workspace", "account", "history", "shared"})
package dk.ligevaerd.priority;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
