@NullMarked
package dk.ligevaerd.priority.ui;

import org.jspecify.annotations.NullMarked;
