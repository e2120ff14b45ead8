@NullMarked
package dk.ligevaerd.deliberation.ui;

import org.jspecify.annotations.NullMarked;
