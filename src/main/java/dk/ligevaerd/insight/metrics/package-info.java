/** Pure equality measures, shared with the features that contribute measures to the equality view. */
@NullMarked
@NamedInterface("metrics")
package dk.ligevaerd.insight.metrics;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
