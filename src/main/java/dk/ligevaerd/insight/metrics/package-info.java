@NullMarked
package dk.ligevaerd.insight.metrics;

import org.jspecify.annotations.NullMarked;
