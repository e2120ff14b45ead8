@NullMarked
@ApplicationModule(allowedDependencies = {"account", "shared"})
package dk.ligevaerd.workspace;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
