package dk.ligevaerd.round.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;
import org.junit.jupiter.api.Test;

class FractionTest {

    @Test
    void a_fraction_is_kept_in_lowest_terms_with_a_positive_denominator() {
        Fraction f = Fraction.of(6, -8);

        assertThat(f.numerator()).isEqualTo(BigInteger.valueOf(-3));
        assertThat(f.denominator()).isEqualTo(BigInteger.valueOf(4));
        assertThat(Fraction.of(0, -5)).isEqualTo(Fraction.ZERO);
    }

    @Test
    void equal_values_are_equal_whatever_they_were_written_as() {
        assertThat(Fraction.of(2, 4)).isEqualTo(Fraction.HALF).hasSameHashCodeAs(Fraction.HALF);
        assertThat(Fraction.of(2, 4).compareTo(Fraction.of(-3, -6))).isZero();
    }

    @Test
    void a_zero_denominator_is_refused() {
        assertThatThrownBy(() -> Fraction.of(1, 0)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void arithmetic_is_exact() {
        // 1/3 + 1/6 = 2/6 + 1/6 = 3/6 = 1/2, exactly; with doubles this is 0.49999999999999994 or 0.5
        // depending on the order of the terms.
        assertThat(Fraction.of(1, 3).add(Fraction.of(1, 6))).isEqualTo(Fraction.HALF);
        assertThat(Fraction.of(3, 4).subtract(Fraction.of(1, 4))).isEqualTo(Fraction.HALF);
        assertThat(Fraction.of(2, 3).multiply(Fraction.of(3, 4))).isEqualTo(Fraction.HALF);
        assertThat(Fraction.of(1, 4).divide(Fraction.HALF)).isEqualTo(Fraction.HALF);
        assertThat(Fraction.of(1, 10).add(Fraction.of(2, 10))).isEqualTo(Fraction.of(3, 10));
    }

    @Test
    void dividing_by_zero_is_refused() {
        assertThatThrownBy(() -> Fraction.ONE.divide(Fraction.ZERO)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void fractions_order_by_value() {
        assertThat(Fraction.of(7, 12)).isGreaterThan(Fraction.HALF);
        assertThat(Fraction.of(7, 12).isGreaterThan(Fraction.HALF)).isTrue();
        assertThat(Fraction.of(-1, 2).isLessThan(Fraction.ZERO)).isTrue();
        assertThat(Fraction.HALF.isGreaterThan(Fraction.of(1, 2))).isFalse();
        assertThat(Fraction.of(-1, 3).signum()).isEqualTo(-1);
    }

    @Test
    void mean_and_sum_of_several_and_of_none() {
        // (1/2 + 1/3 + 1/6) / 3 = 1 / 3
        List<Fraction> values = List.of(Fraction.HALF, Fraction.of(1, 3), Fraction.of(1, 6));
        assertThat(Fraction.sum(values)).isEqualTo(Fraction.ONE);
        assertThat(Fraction.mean(values)).isEqualTo(Fraction.of(1, 3));
        assertThat(Fraction.mean(List.of())).isEqualTo(Fraction.ZERO);
    }

    @Test
    void decimals_are_for_display_and_rounded_half_up() {
        assertThat(Fraction.of(2, 3).toBigDecimal(2)).isEqualTo(new BigDecimal("0.67"));
        assertThat(Fraction.of(1, 8).toBigDecimal(2)).isEqualTo(new BigDecimal("0.13"));
        assertThat(Fraction.of(1, 8).toBigDecimal(2, RoundingMode.HALF_EVEN)).isEqualTo(new BigDecimal("0.12"));
        assertThat(Fraction.of(-1, 3).toBigDecimal(3)).isEqualTo(new BigDecimal("-0.333"));
    }

    @Test
    void the_text_form_reads_back_to_the_same_fraction() {
        assertThat(Fraction.of(14, 24)).hasToString("7/12");
        assertThat(Fraction.of(6, 2)).hasToString("3");
        assertThat(Fraction.of(-1, 2)).hasToString("-1/2");
        for (Fraction f : List.of(Fraction.of(7, 12), Fraction.of(3), Fraction.of(-1, 2), Fraction.ZERO)) {
            assertThat(Fraction.parse(f.toString())).isEqualTo(f);
        }
        assertThatThrownBy(() -> Fraction.parse("one half")).isInstanceOf(NumberFormatException.class);
    }
}
