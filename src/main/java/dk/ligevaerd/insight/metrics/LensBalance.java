package dk.ligevaerd.insight.metrics;

import dk.ligevaerd.priority.PriorityView;
import dk.ligevaerd.priority.ValueLens;

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

    /** Counts the value lenses of the given priorities, each lens once per priority. */
    public static LensBalance of(java.util.Collection<PriorityView> priorities) {
        long publicValue = 0;
        long civilValue = 0;
        for (PriorityView p : priorities) {
            for (ValueLens lens : p.lenses()) {
                if (lens.kind() == ValueLens.Kind.PUBLIC) {
                    publicValue++;
                } else {
                    civilValue++;
                }
            }
        }
        return new LensBalance(publicValue, civilValue);
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
