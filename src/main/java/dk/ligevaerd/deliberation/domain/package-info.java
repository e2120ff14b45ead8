@NullMarked
package dk.ligevaerd.deliberation.domain;

import org.jspecify.annotations.NullMarked;
