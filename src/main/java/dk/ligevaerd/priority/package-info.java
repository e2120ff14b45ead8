@NullMarked
package dk.ligevaerd.priority;

import org.jspecify.annotations.NullMarked;
