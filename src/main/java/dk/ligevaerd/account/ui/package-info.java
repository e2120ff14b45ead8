@NullMarked
package dk.ligevaerd.account.ui;

import org.jspecify.annotations.NullMarked;
