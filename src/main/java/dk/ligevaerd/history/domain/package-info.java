@NullMarked
package dk.ligevaerd.history.domain;

import org.jspecify.annotations.NullMarked;
