/** Whether the collaboration is actually equal, measured per side and shown in pictures. */
@NullMarked
package dk.ligevaerd.insight;

import org.jspecify.annotations.NullMarked;
