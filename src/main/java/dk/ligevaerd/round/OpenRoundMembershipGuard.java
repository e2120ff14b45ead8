package dk.ligevaerd.round;

import dk.ligevaerd.round.domain.BallotRepository;
import dk.ligevaerd.round.domain.DecisionChain;
import dk.ligevaerd.round.domain.DecisionChainRepository;
import dk.ligevaerd.round.domain.DecisionRound;
import dk.ligevaerd.round.domain.DecisionRoundRepository;
import dk.ligevaerd.shared.DomainException;
import dk.ligevaerd.workspace.MembershipChangeGuard;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Keeps the people of a round in place while it is under way (opened and not yet closed or
 * cancelled): nobody in the workspace changes side, so no one can vote or confirm for two sides,
 * and whoever has voted or confirmed in it is neither removed nor demoted.
 */
@Component
class OpenRoundMembershipGuard implements MembershipChangeGuard {

    private final DecisionRoundRepository rounds;
    private final BallotRepository ballots;
    private final DecisionChainRepository chains;

    OpenRoundMembershipGuard(DecisionRoundRepository rounds, BallotRepository ballots, DecisionChainRepository chains) {
        this.rounds = rounds;
        this.ballots = ballots;
        this.chains = chains;
    }

    @Override
    public void beforeSideChange(long workspaceId, long userId) {
        underWay(workspaceId).stream().findFirst().ifPresent(round -> {
            throw new DomainException("error.round.openNoSideChange", round.title());
        });
    }

    @Override
    public void beforeRemovalOrDemotion(long workspaceId, long userId) {
        for (DecisionRound round : underWay(workspaceId)) {
            boolean confirmed = round.confirmations().stream().anyMatch(c -> c.userId() == userId);
            boolean voted = !ballots.findByRoundIdInAndUserId(List.of(round.id()), userId).isEmpty();
            if (confirmed || voted) {
                throw new DomainException("error.round.openTookPart", round.title());
            }
        }
    }

    /**
     * A round under way (voting or waiting for its confirmations) must be able to end, and its
     * record must name the sides that took part: neither a side nor the workspace goes while one is.
     * Takes the workspace's chain lock first, which {@link RoundService#open} takes too (RecordKeeper.endingTurn), so a round
     * opening at the same moment is either seen here or sees the change.
     */
    @Override
    public void beforeSideRemovalOrDeletion(long workspaceId) {
        // The same lock as RecordKeeper.endingTurn (the keeper itself depends on the workspace's services).
        chains.lockByWorkspaceId(workspaceId).orElseGet(() -> chains.saveAndFlush(new DecisionChain(workspaceId)));
        underWay(workspaceId).stream().findFirst().ifPresent(round -> {
            throw new DomainException("error.round.openNoRemoval", round.title());
        });
    }

    private List<DecisionRound> underWay(long workspaceId) {
        return rounds.findByWorkspaceIdOrderByCreatedAtDescIdDesc(workspaceId).stream()
                .filter(r -> r.state() != RoundState.DRAFT && r.state() != RoundState.CLOSED
                        && r.state() != RoundState.CANCELLED)
                .toList();
    }
}
