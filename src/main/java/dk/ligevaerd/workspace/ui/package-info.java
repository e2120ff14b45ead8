@NullMarked
package dk.ligevaerd.workspace.ui;

import org.jspecify.annotations.NullMarked;
