@NullMarked
package dk.ligevaerd.shared.ui;

import org.jspecify.annotations.NullMarked;
