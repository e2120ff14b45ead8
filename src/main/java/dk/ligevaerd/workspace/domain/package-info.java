@NullMarked
package dk.ligevaerd.workspace.domain;

import org.jspecify.annotations.NullMarked;
