/** Whether the collaboration is actually equal, measured per side and shown in pictures. */
@NullMarked
@ApplicationModule(allowedDependencies = {"workspace", "priority", "history", "shared"})
package dk.ligevaerd.insight;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
