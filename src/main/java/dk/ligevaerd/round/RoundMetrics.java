package dk.ligevaerd.round;

import dk.ligevaerd.round.RoundEvents.BallotCountChanged;
import dk.ligevaerd.round.domain.DecisionRoundRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * What operations watch of decision rounds (docs/operations.md): ballots cast, as a counter whose
 * rate is ballots per second, and the rounds open for voting right now, read at each scrape.
 */
@Component
class RoundMetrics {

    private final Counter ballots;

    RoundMetrics(MeterRegistry registry, DecisionRoundRepository rounds) {
        this.ballots = Counter.builder("ligevaerd.ballots").description("Ballots cast or changed, once committed")
                .baseUnit("ballots").register(registry);
        Gauge.builder("ligevaerd.rounds.open", rounds, r -> r.countByState(RoundState.OPEN))
                .description("Decision rounds open right now, in every workspace").register(registry);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void counted(BallotCountChanged cast) {
        ballots.increment();
    }
}
