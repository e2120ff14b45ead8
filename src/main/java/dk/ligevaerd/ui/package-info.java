@NullMarked
package dk.ligevaerd.ui;

import org.jspecify.annotations.NullMarked;
