/** The demo workspace a newcomer finds on first start, built through the real services. */
@NullMarked
package dk.ligevaerd.demo;

import org.jspecify.annotations.NullMarked;
