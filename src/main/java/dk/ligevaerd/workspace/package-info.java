@NullMarked
@ApplicationModule(allowedDependencies = {"account", "mail", "shared"})
package dk.ligevaerd.workspace;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
