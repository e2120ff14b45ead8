@NullMarked
package dk.ligevaerd.account;

import org.jspecify.annotations.NullMarked;
