package dk.ligevaerd.round;

import dk.ligevaerd.round.RecordView.AdoptRecord;
import dk.ligevaerd.round.RecordView.ClosedHow;
import dk.ligevaerd.round.RecordView.ConfirmationView;
import dk.ligevaerd.round.RecordView.NamedBallot;
import dk.ligevaerd.round.RecordView.ObjectionView;
import dk.ligevaerd.round.RecordView.OptionResult;
import dk.ligevaerd.round.RecordView.Outcome;
import dk.ligevaerd.round.RecordView.Person;
import dk.ligevaerd.round.RecordView.PrioritizeRecord;
import dk.ligevaerd.round.RecordView.SideResult;
import dk.ligevaerd.round.RecordView.SideScore;
import dk.ligevaerd.round.RecordView.SideVotes;
import dk.ligevaerd.round.domain.BallotRow;
import dk.ligevaerd.round.domain.BallotPayload;
import dk.ligevaerd.round.domain.CanonicalJson;
import dk.ligevaerd.round.domain.DecisionRecord;
import dk.ligevaerd.round.domain.DecisionRound;
import dk.ligevaerd.round.domain.RoundSide;
import dk.ligevaerd.round.rules.AdoptBallot;
import dk.ligevaerd.round.rules.AdoptResult;
import dk.ligevaerd.round.rules.DotBallot;
import dk.ligevaerd.round.rules.Fraction;
import dk.ligevaerd.round.rules.Objection;
import dk.ligevaerd.round.rules.OptionScore;
import dk.ligevaerd.round.rules.PrioritizeMethod;
import dk.ligevaerd.round.rules.PrioritizeResult;
import dk.ligevaerd.round.rules.RankingBallot;
import dk.ligevaerd.round.rules.VoteCount;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Writes a decision record's content (the canonical JSON its hash covers) and reads it back. The
 * field names and their meaning are documented in docs/decision-rules.md; {@link #FORMAT} names
 * this version of them, so a later change of layout can still verify and show old records.
 */
final class RecordContent {

    /**
     * Version 2 added, per side, the ballots voided at closing, whether the side had been removed,
     * and its own quorum; records written as version 1 keep verifying and read as having voided
     * none, with the round's one quorum for every side. Version 4 names people by their account id
     * only: their names are looked up as the record is shown, so that a person who erases their
     * account is shown by their pseudonym while the hashed content stays as it was.
     */
    static final String FORMAT = "ligevaerd.decision-record/4";
    /** Version 3 added {@code round.adoptEverySide}; earlier records read as adopting by places alone. */
    static final java.util.Set<String> WITH_NAMES = java.util.Set.of("ligevaerd.decision-record/1",
            "ligevaerd.decision-record/2", "ligevaerd.decision-record/3");
    static final java.util.Set<String> READABLE = java.util.Set.of("ligevaerd.decision-record/1",
            "ligevaerd.decision-record/2", "ligevaerd.decision-record/3", FORMAT);

    private RecordContent() {
    }

    /** Everything a record says, gathered by the closing code. */
    record Facts(long workspaceId, long seq, String prevHash, DecisionRound round, Person openedBy, Instant closedAt,
            ClosedHow how, @Nullable Person closedBy, List<ConfirmationView> confirmations, List<Tallies.Parsed> ballots,
            @Nullable PrioritizeResult prioritize, @Nullable AdoptResult adopt,
            List<Long> adopted, List<Long> notAdopted, java.util.Set<Long> tallied, Map<Long, Integer> voided) {
    }

    static Outcome outcome(@Nullable PrioritizeResult prioritize, @Nullable AdoptResult adopt) {
        if (prioritize != null) {
            return prioritize.outcome() == PrioritizeResult.Outcome.DECIDED ? Outcome.DECIDED : Outcome.NO_DECISION;
        }
        return switch (Objects.requireNonNull(adopt).outcome()) {
            case ADOPTED -> Outcome.ADOPTED;
            case REJECTED -> Outcome.REJECTED;
            case NO_DECISION -> Outcome.NO_DECISION;
        };
    }

    static String write(Facts f) {
        DecisionRound r = f.round();
        Map<String, @Nullable Object> root = new LinkedHashMap<>();
        root.put("format", FORMAT);
        root.put("workspace", f.workspaceId());
        root.put("seq", f.seq());
        root.put("prevHash", f.prevHash());

        Map<String, @Nullable Object> round = new LinkedHashMap<>();
        round.put("id", r.id());
        round.put("title", r.title());
        round.put("kind", r.kind().name());
        round.put("method", r.method() == null ? null : r.method().name());
        round.put("rule", r.rule().name());
        round.put("budget", r.budget());
        round.put("capPerOption", r.capPerOption());
        round.put("adoptTopPlaces", r.adoptTopPlaces());
        round.put("adoptEverySide", r.adoptEverySide());
        round.put("quorumPerSide", r.quorumPerSide());
        round.put("liveTallies", r.liveTallies());
        round.put("secret", r.secret());
        round.put("closesAt", r.closesAt() == null ? null : CanonicalJson.instant(r.closesAt()));
        round.put("openedAt", CanonicalJson.instant(Objects.requireNonNull(r.openedAt())));
        round.put("openedBy", person(f.openedBy()));
        root.put("round", round);

        Map<String, @Nullable Object> closing = new LinkedHashMap<>();
        closing.put("at", CanonicalJson.instant(f.closedAt()));
        closing.put("how", f.how().name());
        closing.put("by", f.closedBy() == null ? null : person(f.closedBy()));
        List<Object> confirmations = new ArrayList<>();
        for (ConfirmationView c : f.confirmations()) {
            confirmations.add(Map.of("side", c.sideId(), "moderator", person(c.moderator()), "at",
                    CanonicalJson.instant(c.at())));
        }
        closing.put("confirmations", confirmations);
        root.put("closing", closing);

        Map<Long, Integer> ballotsPerSide = f.prioritize() != null ? f.prioritize().ballotsPerSide()
                : Objects.requireNonNull(f.adopt()).ballotsPerSide();
        java.util.Set<Long> missing = f.prioritize() != null ? f.prioritize().sidesMissingQuorum()
                : Objects.requireNonNull(f.adopt()).sidesMissingQuorum();
        List<Object> sides = new ArrayList<>();
        for (RoundSide side : r.sides()) {
            boolean removed = !f.tallied().contains(side.sideId());
            sides.add(Map.of("id", side.sideId(), "name", side.name(), "colour", side.colour(), "ballots",
                    ballotsPerSide.getOrDefault(side.sideId(), 0), "quorumMet",
                    !removed && !missing.contains(side.sideId()), "voided", f.voided().getOrDefault(side.sideId(), 0),
                    "removed", removed, "quorum", r.quorumFor(side.sideId())));
        }
        root.put("sides", sides);

        Outcome outcome = outcome(f.prioritize(), f.adopt());
        root.put("outcome", outcome.name());
        root.put("headCountDiffers", f.prioritize() != null ? f.prioritize().differs() : f.adopt().differs());
        List<RoundSide> tallied = r.sides().stream().filter(s -> f.tallied().contains(s.sideId())).toList();
        root.put("prioritize", f.prioritize() == null ? null
                : prioritize(r, tallied, f.prioritize(), f.adopted(), f.notAdopted()));
        root.put("adopt", f.adopt() == null ? null : adopt(r, tallied, f.adopt()));

        List<Object> ballots = new ArrayList<>();
        if (!r.secret()) {
            for (Tallies.Parsed parsed : f.ballots()) {
                BallotRow b = parsed.row();
                Map<String, Object> ballot = new TreeMap<>();
                ballot.put("ballot", ballotTree(parsed.ballot()));
                ballot.put("castAt", CanonicalJson.instant(b.castAt()));
                ballot.put("side", b.sideId());
                ballot.put("voter", person(new Person(b.userId(), b.voterName())));
                ballots.add(ballot);
            }
        }
        root.put("ballots", ballots);
        return CanonicalJson.write(root);
    }

    private static Map<String, Object> ballotTree(Object ballot) {
        return switch (ballot) {
            case AdoptBallot adopt -> BallotPayload.adoptTree(adopt);
            case DotBallot dots -> BallotPayload.dotsTree(dots);
            case RankingBallot ranking -> BallotPayload.rankingTree(ranking);
            default -> throw new IllegalArgumentException("not a ballot: " + ballot);
        };
    }

    /** Since format 4 only the account id: the name is beside the hash, not inside it. */
    private static Map<String, Object> person(Person p) {
        Map<String, Object> person = new TreeMap<>();
        person.put("id", p.id());
        return person;
    }

    /** Whether the record's hashed content holds people's names (formats 1 to 3) or only their ids. */
    static boolean namesInside(DecisionRecord record) {
        return WITH_NAMES.contains(header(record.content()).format());
    }

    private static Map<String, Object> prioritize(DecisionRound r, List<RoundSide> tallied, PrioritizeResult result,
            List<Long> adopted,
            List<Long> notAdopted) {
        Map<Long, String> titles = new HashMap<>();
        r.options().forEach(o -> titles.put(o.optionId(), o.title()));
        Map<Long, OptionScore> headCount = new HashMap<>();
        result.headCountRanking().entries().forEach(e -> headCount.put(e.option(), e));
        List<Object> options = new ArrayList<>();
        for (OptionScore entry : result.parityRanking().entries()) {
            List<Object> perSide = new ArrayList<>();
            for (RoundSide side : tallied) {
                perSide.add(Map.of("side", side.sideId(),
                        "points", result.sidePoints().get(side.sideId()).get(entry.option()),
                        "score", result.sideScores().get(side.sideId()).get(entry.option()).toString()));
            }
            OptionScore head = headCount.get(entry.option());
            Map<String, Object> option = new LinkedHashMap<>();
            option.put("id", entry.option());
            option.put("title", titles.getOrDefault(entry.option(), ""));
            option.put("parityScore", entry.score().toString());
            option.put("parityPlace", entry.place());
            option.put("headCountScore", head.score().toString());
            option.put("headCountPlace", head.place());
            option.put("sides", perSide);
            option.put("adopted", adopted.contains(entry.option()));
            options.add(option);
        }
        return Map.of("options", options, "adopted", List.copyOf(adopted), "notAdopted", List.copyOf(notAdopted));
    }

    private static Map<String, Object> adopt(DecisionRound r, List<RoundSide> tallied, AdoptResult result) {
        List<Object> sides = new ArrayList<>();
        for (RoundSide side : tallied) {
            VoteCount votes = result.votesPerSide().get(side.sideId());
            sides.add(Map.of("side", side.sideId(), "yes", votes.yes(), "no", votes.no(), "abstain", votes.abstain(),
                    "object", votes.object(), "support", result.supportPerSide().get(side.sideId()).toString()));
        }
        List<Object> objections = new ArrayList<>();
        for (Objection o : result.objections()) {
            objections.add(Map.of("side", o.side(), "reason", o.reason()));
        }
        Map<String, Object> adopt = new LinkedHashMap<>();
        adopt.put("version", Map.of("id", Objects.requireNonNull(r.subjectVersionId()), "name",
                Objects.requireNonNullElse(r.subjectVersionName(), "")));
        adopt.put("text", Objects.requireNonNull(r.subjectText()));
        adopt.put("sides", sides);
        adopt.put("paritySupport", result.paritySupport().toString());
        adopt.put("headCountSupport", result.headCountSupport().toString());
        adopt.put("ruleAdopts", result.ruleAdopts());
        adopt.put("headCountAdopts", result.headCountAdopts());
        adopt.put("objections", objections);
        return adopt;
    }

    // ---- reading -------------------------------------------------------------------------------

    static RecordView read(DecisionRecord record) {
        JsonNode root = BallotPayload.tree(record.content());
        JsonNode round = root.path("round");
        RoundKind kind = RoundKind.valueOf(round.path("kind").asString());
        PrioritizeMethod method = round.path("method").isNull() ? null
                : PrioritizeMethod.valueOf(round.path("method").asString());
        JsonNode closing = root.path("closing");
        int commonQuorum = round.path("quorumPerSide").asInt();

        List<ConfirmationView> confirmations = new ArrayList<>();
        for (JsonNode c : closing.path("confirmations").values()) {
            confirmations.add(new ConfirmationView(c.path("side").asLong(), person(c.path("moderator")),
                    instant(c.path("at"))));
        }
        List<SideResult> sides = new ArrayList<>();
        for (JsonNode s : root.path("sides").values()) {
            sides.add(new SideResult(s.path("id").asLong(), s.path("name").asString(), s.path("colour").asString(),
                    s.path("ballots").asInt(), s.path("quorumMet").asBoolean(), s.path("voided").asInt(0),
                    s.path("removed").asBoolean(false), s.path("quorum").asInt(commonQuorum)));
        }
        PrioritizeRecord prioritize = null;
        JsonNode p = root.path("prioritize");
        if (!p.isNull() && !p.isMissingNode()) {
            List<OptionResult> options = new ArrayList<>();
            for (JsonNode o : p.path("options").values()) {
                List<SideScore> perSide = new ArrayList<>();
                for (JsonNode s : o.path("sides").values()) {
                    perSide.add(new SideScore(s.path("side").asLong(), s.path("points").asLong(),
                            Fraction.parse(s.path("score").asString())));
                }
                options.add(new OptionResult(o.path("id").asLong(), o.path("title").asString(),
                        Fraction.parse(o.path("parityScore").asString()), o.path("parityPlace").asInt(),
                        Fraction.parse(o.path("headCountScore").asString()), o.path("headCountPlace").asInt(), perSide,
                        o.path("adopted").asBoolean()));
            }
            prioritize = new PrioritizeRecord(options, longs(p.path("adopted")), longs(p.path("notAdopted")));
        }
        AdoptRecord adopt = null;
        JsonNode a = root.path("adopt");
        if (!a.isNull() && !a.isMissingNode()) {
            List<SideVotes> votes = new ArrayList<>();
            for (JsonNode s : a.path("sides").values()) {
                votes.add(new SideVotes(s.path("side").asLong(), s.path("yes").asInt(), s.path("no").asInt(),
                        s.path("abstain").asInt(), s.path("object").asInt(),
                        Fraction.parse(s.path("support").asString())));
            }
            List<ObjectionView> objections = new ArrayList<>();
            for (JsonNode o : a.path("objections").values()) {
                objections.add(new ObjectionView(o.path("side").asLong(), o.path("reason").asString()));
            }
            adopt = new AdoptRecord(a.path("version").path("id").asLong(), a.path("version").path("name").asString(),
                    a.path("text").asString(), votes, Fraction.parse(a.path("paritySupport").asString()),
                    Fraction.parse(a.path("headCountSupport").asString()), a.path("ruleAdopts").asBoolean(),
                    a.path("headCountAdopts").asBoolean(), objections);
        }
        List<NamedBallot> ballots = new ArrayList<>();
        for (JsonNode b : root.path("ballots").values()) {
            JsonNode tree = b.path("ballot");
            Instant castAt = instant(b.path("castAt"));
            BallotView ballot;
            if (kind == RoundKind.ADOPT) {
                var adoptBallot = BallotPayload.readAdopt(tree);
                ballot = new BallotView(Map.of(), List.of(), adoptBallot.vote(), adoptBallot.reason(), castAt);
            } else if (method == PrioritizeMethod.DOTS) {
                ballot = new BallotView(BallotPayload.readDots(tree).points(), List.of(), null, null, castAt);
            } else {
                ballot = new BallotView(Map.of(), BallotPayload.readRanking(tree).order(), null, null, castAt);
            }
            ballots.add(new NamedBallot(person(b.path("voter")), b.path("side").asLong(), ballot));
        }
        JsonNode by = closing.path("by");
        return new RecordView(record.id(), record.roundId(), record.seq(), record.hash(), record.prevHash(),
                record.recordedAt(), round.path("title").asString(), kind, method,
                DecisionRule.valueOf(round.path("rule").asString()), round.path("budget").asInt(),
                round.path("capPerOption").asInt(), round.path("adoptTopPlaces").asInt(),
                round.path("quorumPerSide").asInt(), round.path("liveTallies").asBoolean(),
                round.path("secret").asBoolean(),
                round.path("closesAt").isNull() ? null : instant(round.path("closesAt")),
                instant(round.path("openedAt")), person(round.path("openedBy")), instant(closing.path("at")),
                ClosedHow.valueOf(closing.path("how").asString()), by.isNull() || by.isMissingNode() ? null : person(by),
                confirmations, sides, Outcome.valueOf(root.path("outcome").asString()),
                root.path("headCountDiffers").asBoolean(), prioritize, adopt, ballots,
                round.path("adoptEverySide").asBoolean(false));
    }

    private static List<Long> longs(JsonNode array) {
        List<Long> values = new ArrayList<>();
        array.values().forEach(v -> values.add(v.asLong()));
        return values;
    }

    private static Person person(JsonNode node) {
        return new Person(node.path("id").asLong(), node.path("name").asString(""));
    }

    private static Instant instant(JsonNode node) {
        return CanonicalJson.parseInstant(node.asString());
    }

    /** The facts the chain check compares with the record's columns. */
    record Header(String format, long workspaceId, long seq, String prevHash, long roundId, Instant closedAt) {
    }

    static Header header(String content) {
        JsonNode root = BallotPayload.tree(content);
        return new Header(root.path("format").asString(""), root.path("workspace").asLong(-1),
                root.path("seq").asLong(-1), root.path("prevHash").asString(""),
                root.path("round").path("id").asLong(-1),
                CanonicalJson.parseInstant(root.path("closing").path("at").asString("")));
    }
}
