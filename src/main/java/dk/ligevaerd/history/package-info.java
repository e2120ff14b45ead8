@NullMarked
package dk.ligevaerd.history;

import org.jspecify.annotations.NullMarked;
