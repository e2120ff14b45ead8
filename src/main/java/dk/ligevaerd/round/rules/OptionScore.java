package dk.ligevaerd.round.rules;

import java.util.Objects;

/**
 * An option's score and place in a {@link Ranking}.
 *
 * @param option the option id
 * @param score  between 0 and 1: the share of the most points that could have gone to it
 * @param place  1 for the best; options with equal scores share a place
 */
public record OptionScore(long option, Fraction score, int place) {

    public OptionScore {
        Objects.requireNonNull(score, "score");
        if (place < 1) {
            throw new IllegalArgumentException("Places start at 1, not " + place);
        }
    }
}
