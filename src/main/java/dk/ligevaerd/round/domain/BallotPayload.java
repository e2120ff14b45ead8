package dk.ligevaerd.round.domain;

import dk.ligevaerd.round.rules.AdoptBallot;
import dk.ligevaerd.round.rules.DotBallot;
import dk.ligevaerd.round.rules.RankingBallot;
import dk.ligevaerd.round.rules.Vote;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A ballot as the text stored in {@code ballot.payload} and, for named rounds, inside the decision
 * record. Written canonically ({@link CanonicalJson}), so a ballot in a record always reads the same:
 * <ul>
 * <li>dots: {@code {"points":[[optionId,points],...]}} in ascending option order, options with no
 * points left out;</li>
 * <li>ranking: {@code {"order":[optionId,...]}}, best first;</li>
 * <li>adopt: {@code {"vote":"YES"}}, or {@code {"reason":"...","vote":"OBJECT"}}.</li>
 * </ul>
 */
public final class BallotPayload {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private BallotPayload() {
    }

    public static Map<String, Object> dotsTree(DotBallot ballot) {
        List<Object> pairs = new ArrayList<>();
        new TreeMap<>(ballot.points()).forEach((option, points) -> {
            if (points != 0) {
                pairs.add(List.of(option, points));
            }
        });
        return Map.of("points", pairs);
    }

    public static Map<String, Object> rankingTree(RankingBallot ballot) {
        return Map.of("order", List.copyOf(ballot.order()));
    }

    public static Map<String, Object> adoptTree(AdoptBallot ballot) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("vote", ballot.vote().name());
        if (ballot.reason() != null) {
            tree.put("reason", ballot.reason());
        }
        return tree;
    }

    public static String dots(DotBallot ballot) {
        return CanonicalJson.write(dotsTree(ballot));
    }

    public static String ranking(RankingBallot ballot) {
        return CanonicalJson.write(rankingTree(ballot));
    }

    public static String adopt(AdoptBallot ballot) {
        return CanonicalJson.write(adoptTree(ballot));
    }

    /**
     * Reads a dot-voting ballot. Closing a large round reads thousands, so the canonical form this
     * class writes is read directly; anything else goes through the JSON parser.
     */
    public static DotBallot readDots(String payload) {
        DotBallot fast = fastDots(payload);
        return fast != null ? fast : readDots(JSON.readTree(payload));
    }

    private static final String DOTS_PREFIX = "{\"points\":[";

    private static @Nullable DotBallot fastDots(String payload) {
        if (!payload.startsWith(DOTS_PREFIX) || !payload.endsWith("]}")) {
            return null;
        }
        Map<Long, Integer> points = new TreeMap<>();
        int i = DOTS_PREFIX.length();
        int end = payload.length() - 2;
        try {
            while (i < end) {
                if (payload.charAt(i) == ',') {
                    i++;
                }
                if (payload.charAt(i) != '[') {
                    return null;
                }
                int comma = payload.indexOf(',', i);
                int close = payload.indexOf(']', i);
                if (comma < 0 || close < comma) {
                    return null;
                }
                long option = Long.parseLong(payload, i + 1, comma, 10);
                int given = Integer.parseInt(payload, comma + 1, close, 10);
                if (points.put(option, given) != null) {
                    return null;
                }
                i = close + 1;
            }
        } catch (NumberFormatException | IndexOutOfBoundsException notCanonical) {
            return null;
        }
        return i == end ? new DotBallot(points) : null;
    }

    public static DotBallot readDots(JsonNode tree) {
        Map<Long, Integer> points = new TreeMap<>();
        for (JsonNode pair : tree.path("points").values()) {
            points.put(pair.get(0).asLong(), pair.get(1).asInt());
        }
        return new DotBallot(points);
    }

    public static RankingBallot readRanking(String payload) {
        return readRanking(JSON.readTree(payload));
    }

    public static RankingBallot readRanking(JsonNode tree) {
        List<Long> order = new ArrayList<>();
        for (JsonNode option : tree.path("order").values()) {
            order.add(option.asLong());
        }
        return new RankingBallot(order);
    }

    public static AdoptBallot readAdopt(String payload) {
        return readAdopt(JSON.readTree(payload));
    }

    public static AdoptBallot readAdopt(JsonNode tree) {
        Vote vote = Vote.valueOf(tree.path("vote").asString());
        JsonNode reason = tree.get("reason");
        @Nullable String text = reason == null || reason.isNull() ? null : reason.asString();
        return new AdoptBallot(vote, text);
    }

    /** Reads any JSON this module wrote, for the record reader. */
    public static JsonNode tree(String json) {
        return JSON.readTree(json);
    }
}
