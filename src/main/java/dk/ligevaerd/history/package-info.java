@NullMarked
@ApplicationModule(allowedDependencies = {"workspace", "account", "shared"})
package dk.ligevaerd.history;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
