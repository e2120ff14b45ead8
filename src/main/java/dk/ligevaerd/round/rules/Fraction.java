package dk.ligevaerd.round.rules;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Objects;

/**
 * An exact rational number, always in lowest terms with a positive denominator.
 *
 * <p>Decisions compare shares such as {@code 7/12 > 1/2}, and a tie such as {@code 1/3 + 1/6}
 * against {@code 1/2} must come out as a tie. With {@code double} both would depend on rounding,
 * and a round could be decided by a last binary digit. Because the constructor normalizes,
 * {@code equals}, {@code hashCode} and {@code compareTo} agree: {@code 2/4} equals {@code 1/2}.
 *
 * @param numerator   the numerator, carrying the sign
 * @param denominator the denominator, positive after construction
 */
public record Fraction(BigInteger numerator, BigInteger denominator) implements Comparable<Fraction> {

    public static final Fraction ZERO = of(0);
    public static final Fraction HALF = of(1, 2);
    public static final Fraction ONE = of(1);

    /**
     * Normalizes to lowest terms with a positive denominator.
     *
     * @throws ArithmeticException if the denominator is zero
     */
    public Fraction {
        Objects.requireNonNull(numerator, "numerator");
        Objects.requireNonNull(denominator, "denominator");
        if (denominator.signum() == 0) {
            throw new ArithmeticException("A fraction cannot have the denominator 0");
        }
        if (denominator.signum() < 0) {
            numerator = numerator.negate();
            denominator = denominator.negate();
        }
        BigInteger gcd = numerator.gcd(denominator);
        if (!gcd.equals(BigInteger.ONE)) {
            numerator = numerator.divide(gcd);
            denominator = denominator.divide(gcd);
        }
    }

    public static Fraction of(long whole) {
        return new Fraction(BigInteger.valueOf(whole), BigInteger.ONE);
    }

    /** @throws ArithmeticException if {@code denominator} is zero */
    public static Fraction of(long numerator, long denominator) {
        return new Fraction(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator));
    }

    /**
     * Reads the form {@link #toString()} writes ({@code "7/12"}, or {@code "3"} for a whole
     * number), so that a stored decision record can be read back without loss.
     *
     * @throws NumberFormatException    if the text is not of that form
     * @throws ArithmeticException      if the denominator is zero
     */
    public static Fraction parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            return new Fraction(new BigInteger(text.strip()), BigInteger.ONE);
        }
        return new Fraction(new BigInteger(text.substring(0, slash).strip()),
                new BigInteger(text.substring(slash + 1).strip()));
    }

    /** The arithmetic mean; the mean of nothing is {@link #ZERO}, the neutral "no contribution". */
    public static Fraction mean(Collection<Fraction> values) {
        if (values.isEmpty()) {
            return ZERO;
        }
        return sum(values).divide(of(values.size()));
    }

    public static Fraction sum(Collection<Fraction> values) {
        Fraction total = ZERO;
        for (Fraction value : values) {
            total = total.add(value);
        }
        return total;
    }

    public Fraction add(Fraction other) {
        return new Fraction(numerator.multiply(other.denominator).add(other.numerator.multiply(denominator)),
                denominator.multiply(other.denominator));
    }

    public Fraction subtract(Fraction other) {
        return add(other.negate());
    }

    public Fraction negate() {
        return new Fraction(numerator.negate(), denominator);
    }

    public Fraction multiply(Fraction other) {
        return new Fraction(numerator.multiply(other.numerator), denominator.multiply(other.denominator));
    }

    /** @throws ArithmeticException if {@code divisor} is zero */
    public Fraction divide(Fraction divisor) {
        if (divisor.signum() == 0) {
            throw new ArithmeticException("Division by zero");
        }
        return new Fraction(numerator.multiply(divisor.denominator), denominator.multiply(divisor.numerator));
    }

    /** -1, 0 or 1 as this fraction is negative, zero or positive. */
    public int signum() {
        return numerator.signum();
    }

    public boolean isGreaterThan(Fraction other) {
        return compareTo(other) > 0;
    }

    public boolean isLessThan(Fraction other) {
        return compareTo(other) < 0;
    }

    @Override
    public int compareTo(Fraction other) {
        // Both denominators are positive, so cross-multiplying keeps the order.
        return numerator.multiply(other.denominator).compareTo(other.numerator.multiply(denominator));
    }

    /** For display only, rounded half up: {@code 2/3} at scale 2 is {@code 0.67}. */
    public BigDecimal toBigDecimal(int scale) {
        return toBigDecimal(scale, RoundingMode.HALF_UP);
    }

    /** For display only; decisions are taken on the exact fraction. */
    public BigDecimal toBigDecimal(int scale, RoundingMode rounding) {
        return new BigDecimal(numerator).divide(new BigDecimal(denominator), scale, rounding);
    }

    /** {@code "7/12"}, or {@code "3"} for a whole number; {@link #parse} reads it back. */
    @Override
    public String toString() {
        return denominator.equals(BigInteger.ONE) ? numerator.toString() : numerator + "/" + denominator;
    }
}
