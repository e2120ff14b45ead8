@NullMarked
package dk.ligevaerd.statement.ui;

import org.jspecify.annotations.NullMarked;
