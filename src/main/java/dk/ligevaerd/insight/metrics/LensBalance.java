package dk.ligevaerd.insight.metrics;

/**
 * Public value (service quality, efficiency) against civil value (participation, advocacy, shared
 * values) among a set of priorities. A priority with lenses of both kinds counts for both.
 */
public record LensBalance(long publicValue, long civilValue) {

    public LensBalance {
        if (publicValue < 0 || civilValue < 0) {
            throw new IllegalArgumentException("counts cannot be negative");
        }
    }

    public long total() {
        return publicValue + civilValue;
    }

    public double publicShare() {
        return total() == 0 ? 0 : (double) publicValue / total();
    }

    /** Whether one kind of value holds more than two thirds: the thesis's warning sign. */
    public boolean publicDominates() {
        return publicValue * 3 > total() * 2;
    }

    public boolean civilDominates() {
        return civilValue * 3 > total() * 2;
    }
}
