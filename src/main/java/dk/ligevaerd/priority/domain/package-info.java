@NullMarked
package dk.ligevaerd.priority.domain;

import org.jspecify.annotations.NullMarked;
