@NullMarked
package dk.ligevaerd;

import org.jspecify.annotations.NullMarked;
