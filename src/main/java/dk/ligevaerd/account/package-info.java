@NullMarked
@ApplicationModule(allowedDependencies = {"shared"})
package dk.ligevaerd.account;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
