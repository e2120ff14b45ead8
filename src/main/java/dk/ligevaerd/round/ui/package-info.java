/** The Rounds tab: preparing and running rounds, the ballots, live counts and decision records. */
@NullMarked
package dk.ligevaerd.round.ui;

import org.jspecify.annotations.NullMarked;
