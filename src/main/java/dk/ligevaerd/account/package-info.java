@NullMarked
@ApplicationModule(allowedDependencies = {"mail", "shared"})
package dk.ligevaerd.account;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
