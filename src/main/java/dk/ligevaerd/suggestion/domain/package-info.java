/** The suggestion aggregate with its acceptances, and its repository. */
@NullMarked
package dk.ligevaerd.suggestion.domain;

import org.jspecify.annotations.NullMarked;
