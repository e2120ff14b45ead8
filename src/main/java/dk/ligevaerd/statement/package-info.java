@NullMarked
package dk.ligevaerd.statement;

import org.jspecify.annotations.NullMarked;
