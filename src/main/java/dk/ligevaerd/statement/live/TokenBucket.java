package dk.ligevaerd.statement.live;

/**
 * Limits how many messages one account may send: up to {@code capacity} at once, refilled at
 * {@code perSecond}. Typing sends a few messages a second (changes wait while one batch is in
 * flight, carets are throttled in the browser), so only a misbehaving client reaches the limit.
 * One bucket per account, shared by its connections (one per connection would let many
 * connections multiply the rate).
 */
final class TokenBucket {

    private final double capacity;
    private final double perNano;
    private double tokens;
    private long last;

    TokenBucket(int capacity, int perSecond, long now) {
        this.capacity = capacity;
        this.perNano = perSecond / 1e9;
        this.tokens = capacity;
        this.last = now;
    }

    /** Takes one token if there is one, refilling first for the time passed since the last call. */
    synchronized boolean tryTake(long now) {
        tokens = Math.min(capacity, tokens + (now - last) * perNano);
        last = now;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
