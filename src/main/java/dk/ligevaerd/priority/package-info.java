@NullMarked
@ApplicationModule(allowedDependencies = {"workspace", "history", "shared"})
package dk.ligevaerd.priority;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
