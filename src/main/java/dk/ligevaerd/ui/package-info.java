@NullMarked
@ApplicationModule(allowedDependencies = {"account", "shared"})
package dk.ligevaerd.ui;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
