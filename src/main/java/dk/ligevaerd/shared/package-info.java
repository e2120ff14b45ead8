/**
 * Value objects, texts and the live-event bus that every feature uses. Open, so features may use
 * its {@code ui} helpers too; it depends on no feature.
 */
@NullMarked
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package dk.ligevaerd.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
