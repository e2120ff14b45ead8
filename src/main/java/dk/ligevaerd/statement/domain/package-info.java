@NullMarked
package dk.ligevaerd.statement.domain;

import org.jspecify.annotations.NullMarked;
