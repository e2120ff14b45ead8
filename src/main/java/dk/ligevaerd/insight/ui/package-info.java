@NullMarked
package dk.ligevaerd.insight.ui;

import org.jspecify.annotations.NullMarked;
