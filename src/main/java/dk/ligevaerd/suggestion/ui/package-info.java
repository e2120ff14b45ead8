/** The suggestions panel beside the statement's editor. */
@NullMarked
package dk.ligevaerd.suggestion.ui;

import org.jspecify.annotations.NullMarked;
