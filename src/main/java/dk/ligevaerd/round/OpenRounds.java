package dk.ligevaerd.round;

import dk.ligevaerd.round.domain.BallotRepository;
import dk.ligevaerd.round.domain.BallotRow;
import dk.ligevaerd.round.domain.DecisionRound;
import dk.ligevaerd.round.rules.AdoptResult;
import dk.ligevaerd.round.rules.PrioritizeResult;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What this node keeps in memory about open rounds, so that a meeting's burst of ballots costs
 * one read for every page that follows it: each open round's settings (fixed from opening on), its
 * live tally (counted again only after a new ballot) and the counts pages last read. Nothing here
 * decides anything or checks access: {@link RoundService} does both and asks this for what it
 * would otherwise read again. Everything about a round is dropped when it ends.
 */
@Component
class OpenRounds {

    private final BallotRepository ballots;
    /** Settings of open rounds; fixed from opening on, so they never go stale. */
    private final Map<Long, Tallies> fixed = new ConcurrentHashMap<>();
    /** The live tally of each open round with live tallies, counted again only after a new ballot. */
    private final Map<Long, LiveTally> live = new ConcurrentHashMap<>();
    /** The counts of each open round that pages follow, as last read; see {@link #counts}. */
    private final Map<Long, SharedCounts> counted = new ConcurrentHashMap<>();

    OpenRounds(BallotRepository ballots) {
        this.ballots = ballots;
    }

    /**
     * A draft's settings may still change, so only those of an open round are cached; an ended
     * round's are read when asked (its record holds what people look at afterwards).
     */
    Tallies settingsOf(DecisionRound round) {
        if (round.state() != RoundState.OPEN) {
            return Tallies.of(round);
        }
        return fixed.computeIfAbsent(round.id(), id -> Tallies.of(round));
    }

    /**
     * The live standings of an open round. Every open view asks after every ballot, so they share
     * one tally per round, counted again only when a ballot arrived since, and by one view at a
     * time: the others wait for it rather than count the same ballots again.
     *
     * @param casts the round's number of casts now, re-votes included, which only ever grows
     */
    LiveTally standing(DecisionRound round, long casts) {
        LiveTally tally = live.computeIfAbsent(round.id(), id -> new LiveTally(settingsOf(round)));
        tally.catchUp(casts, ballots);
        return tally;
    }

    /**
     * The counts pages follow: read by the first page to ask after a ballot committed on this
     * node, and handed to the pages after it.
     *
     * @param shared false to read afresh (news of ballots from another node)
     */
    LiveCounts counts(long roundId, long workspaceId, boolean shared, Supplier<LiveCounts> reader) {
        return counted.computeIfAbsent(roundId, id -> new SharedCounts()).read(workspaceId, shared, reader);
    }

    /** A ballot of this round committed here: the counts pages last read are out of date. */
    void ballotCommitted(long roundId) {
        SharedCounts shared = counted.get(roundId);
        if (shared != null) {
            shared.committed.incrementAndGet();
        }
    }

    /** The round is no longer open: its counts are not followed any more. */
    void dropCounts(long roundId) {
        counted.remove(roundId);
    }

    /**
     * Drops what is cached for a round that is ending: now, and again when the transaction ends,
     * since a view reading in between may still see the round open and cache it once more.
     */
    void forget(long roundId) {
        drop(roundId);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    drop(roundId);
                }
            });
        }
    }

    private void drop(long roundId) {
        fixed.remove(roundId);
        live.remove(roundId);
        counted.remove(roundId);
    }

    /** Whether settings or a live tally of the round are held in memory. */
    boolean holds(long roundId) {
        return fixed.containsKey(roundId) || live.containsKey(roundId);
    }

    /** One round's live tally and the number of casts it counted. */
    static final class LiveTally {

        private final Tallies settings;
        private long casts = -1;
        private @Nullable PrioritizeResult prioritize;
        private @Nullable AdoptResult adopt;

        LiveTally(Tallies settings) {
            this.settings = settings;
        }

        synchronized void catchUp(long castsNow, BallotRepository ballots) {
            if (casts >= castsNow) {
                return;
            }
            List<BallotRow> rows = ballots.rows(settings.roundId());
            List<Tallies.Parsed> parsed = settings.parse(rows);
            if (settings.kind() == RoundKind.PRIORITIZE) {
                prioritize = settings.prioritize(parsed);
            } else {
                adopt = settings.adoptResult(parsed);
            }
            casts = rows.stream().mapToLong(BallotRow::casts).sum();
        }

        synchronized @Nullable PrioritizeResult prioritize() {
            return prioritize;
        }

        synchronized @Nullable AdoptResult adopt() {
            return adopt;
        }
    }

    /**
     * One round's counts as last read, and how many ballots committed here since the round was
     * first read. The pages after a ballot find the counts already read without taking the lock;
     * only while the one read is under way do they wait for it, parked rather than spinning.
     */
    private static final class SharedCounts {

        private record Read(long at, long workspaceId, LiveCounts counts) {
        }

        private final AtomicLong committed = new AtomicLong();
        private final ReentrantLock reading = new ReentrantLock();
        private volatile @Nullable Read last;

        LiveCounts read(long workspaceId, boolean shared, Supplier<LiveCounts> reader) {
            long now = committed.get();
            Read known = last;
            if (shared && known != null && known.at() >= now && known.workspaceId() == workspaceId) {
                return known.counts();
            }
            reading.lock();
            try {
                known = last;
                if (shared && known != null && known.at() >= now && known.workspaceId() == workspaceId) {
                    return known.counts();
                }
                LiveCounts fresh = reader.get();
                // A read that began after more commits is as fresh for anyone who asks about fewer.
                if (known == null || now >= known.at()) {
                    last = new Read(now, workspaceId, fresh);
                }
                return fresh;
            } finally {
                reading.unlock();
            }
        }
    }
}
