/** The demo workspace a newcomer finds on first start, built through the real services. */
@NullMarked
@ApplicationModule(allowedDependencies = {"workspace", "account", "priority", "statement", "round", "deliberation"})
package dk.ligevaerd.demo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
