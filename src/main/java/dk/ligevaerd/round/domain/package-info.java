/**
 * The round aggregate and what it leaves behind: ballots, and the decision records chained by
 * hash. Entities guard their own transitions; the service only orchestrates and authorizes.
 */
@NullMarked
package dk.ligevaerd.round.domain;

import org.jspecify.annotations.NullMarked;
