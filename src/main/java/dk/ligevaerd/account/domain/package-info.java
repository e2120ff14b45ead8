@NullMarked
package dk.ligevaerd.account.domain;

import org.jspecify.annotations.NullMarked;
