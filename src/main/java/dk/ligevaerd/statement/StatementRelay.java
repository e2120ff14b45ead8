package dk.ligevaerd.statement;

import dk.ligevaerd.shared.cluster.ClusterChannel;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the other nodes which version of a statement this node accepted, and has this node follow
 * what the others accepted. A message is {@code <workspaceId>.<version>} on topic
 * {@value #TOPIC}; the changes themselves are read from the database, so the message holds no text
 * and a node that missed one still catches up with the next.
 *
 * <p>Following happens on a virtual thread, never on the channel's listening thread, and by one
 * thread per workspace at a time: notices that arrive while a workspace is being followed are
 * folded into one more round, which reads everything stored by then.
 */
final class StatementRelay implements ClusterChannel.Listener, AutoCloseable {

    static final String TOPIC = "statement";

    private static final Logger log = LoggerFactory.getLogger(StatementRelay.class);

    /** Brings a workspace's statement on this node up to at least {@code version}. */
    @FunctionalInterface
    interface Follower {
        void follow(long workspaceId, int version);
    }

    private final ClusterChannel cluster;
    private final Follower follower;
    private final Runnable followAll;
    private final @Nullable ExecutorService executor;
    /** Per workspace: the version to follow to, and whether a thread is following it. */
    private final Map<Long, Wanted> wanted = new ConcurrentHashMap<>();
    private final Runnable unsubscribe;

    /**
     * @param followAll run when this node may have missed messages: follows every statement that
     *        has listeners here
     */
    StatementRelay(ClusterChannel cluster, Follower follower, Runnable followAll) {
        this.cluster = cluster;
        this.follower = follower;
        this.followAll = followAll;
        if (cluster.spansNodes()) {
            executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("statement-follow-", 0).factory());
            unsubscribe = cluster.subscribe(TOPIC, this);
        } else {
            executor = null;
            unsubscribe = () -> {
            };
        }
    }

    /** After this node committed the statement's changes up to {@code version}. */
    void accepted(long workspaceId, int version) {
        if (executor != null) {
            cluster.send(TOPIC, new Notice(workspaceId, version).encode());
        }
    }

    @Override
    public void received(String fromNode, String body) {
        Notice notice;
        try {
            notice = Notice.decode(body);
        } catch (IllegalArgumentException e) {
            log.warn("Ignored a statement message from node {}: {}", fromNode, e.getMessage());
            return;
        }
        schedule(notice.workspaceId(), notice.version());
    }

    @Override
    public void resumed() {
        followAll.run();
    }

    /** Follows the workspace soon, to {@code version} or beyond. */
    void schedule(long workspaceId, int version) {
        if (executor == null) {
            return;
        }
        Wanted wanted = this.wanted.computeIfAbsent(workspaceId, id -> new Wanted());
        synchronized (wanted) {
            wanted.version = Math.max(wanted.version, version);
            if (wanted.running) {
                return;
            }
            wanted.running = true;
        }
        try {
            executor.execute(() -> follow(workspaceId, wanted));
        } catch (RejectedExecutionException stopping) {
            synchronized (wanted) {
                wanted.running = false;
            }
        }
    }

    private void follow(long workspaceId, Wanted wanted) {
        while (true) {
            int target;
            synchronized (wanted) {
                // Taken before following, so a notice that arrives meanwhile brings one more round.
                target = wanted.version;
                wanted.version = 0;
                if (target == 0) {
                    wanted.running = false;
                    return;
                }
            }
            try {
                follower.follow(workspaceId, target);
            } catch (RuntimeException e) {
                log.warn("Could not follow the statement of workspace {} to version {} from another node; "
                        + "its editors catch up with their next change", workspaceId, target, e);
            }
        }
    }

    /** What one workspace waits for; guarded by itself. */
    private static final class Wanted {
        /** The highest version announced and not yet followed; 0 for none. */
        int version;
        boolean running;
    }

    /** That a node accepted a statement's changes up to a version: {@code <workspaceId>.<version>}. */
    record Notice(long workspaceId, int version) {

        Notice {
            if (workspaceId <= 0 || version <= 0) {
                throw new IllegalArgumentException("Not a workspace and a version: " + workspaceId + "." + version);
            }
        }

        String encode() {
            return workspaceId + "." + version;
        }

        /** @throws IllegalArgumentException for anything but {@code <workspaceId>.<version>} */
        static Notice decode(String body) {
            int dot = body.indexOf('.');
            if (dot <= 0 || dot != body.lastIndexOf('.')) {
                throw new IllegalArgumentException("Not <workspace>.<version>: " + body);
            }
            return new Notice(Long.parseLong(body, 0, dot, 10), Integer.parseInt(body, dot + 1, body.length(), 10));
        }
    }

    @Override
    public void close() {
        unsubscribe.run();
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
