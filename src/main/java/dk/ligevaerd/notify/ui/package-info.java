@NullMarked
package dk.ligevaerd.notify.ui;

import org.jspecify.annotations.NullMarked;
