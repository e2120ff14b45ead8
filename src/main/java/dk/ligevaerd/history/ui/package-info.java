@NullMarked
package dk.ligevaerd.history.ui;

import org.jspecify.annotations.NullMarked;
