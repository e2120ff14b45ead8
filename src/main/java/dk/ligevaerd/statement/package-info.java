/**
 * The purpose statement: the shared text that a workspace's sides write together, its accepted
 * changes, versions and authorship.
 */
@NullMarked
package dk.ligevaerd.statement;

import org.jspecify.annotations.NullMarked;
