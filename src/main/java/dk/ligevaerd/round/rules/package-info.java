/**
 * The decision rules of SPEC.md, as pure functions over ballots: no Spring, no JPA, no clock, no
 * I/O, nothing beyond the JDK. That keeps the one place where "equal worth" is made precise small
 * enough to read in one sitting and fast enough to property-test over thousands of generated
 * rounds.
 *
 * <p>Three voting methods share one shape: a settings record ({@link DotVoting},
 * {@link RankingVoting}, {@link AdoptVoting}) fixed when a round opens, whose {@code validate}
 * refuses a bad ballot with a {@link BallotRejected} carrying a translation key, and whose
 * {@code tally} turns the latest ballots of every side into a result record that holds the
 * parity outcome, every side's tally and the head-count comparison. All arithmetic that decides
 * anything is exact ({@link Fraction}); rounding happens only for display.
 *
 * <p>Sides and options are opaque {@code long} ids. Every map in a result iterates in ascending
 * id order, so that a decision record built from it serializes, and therefore hashes, the same
 * way every time.
 *
 * <p>A named interface of the round module: the round service's views carry its value types
 * ({@link Fraction}, results, {@link Vote}) to whoever shows them.
 */
@NullMarked
@NamedInterface("rules")
package dk.ligevaerd.round.rules;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
