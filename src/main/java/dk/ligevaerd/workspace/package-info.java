@NullMarked
package dk.ligevaerd.workspace;

import org.jspecify.annotations.NullMarked;
