package dk.ligevaerd.statement.collab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import dk.ligevaerd.deliberation.AnchorWalk;
import dk.ligevaerd.testing.Cases;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * A comment's passage is never lost silently (issue 14): several browsers edit the statement at
 * once, each rebasing as {@code @codemirror/collab} does ({@link SimulatedClient}) and the
 * authority moving stale batches over newer changes; meanwhile people select passages on whatever
 * version their page shows, and the server reads (and so carries forward and stores) the passages
 * at random moments, as the deliberation feature does on each read ({@link AnchorWalk}).
 *
 * <p>Every character is unique, so the passage can be checked against an oracle that knows nothing
 * of positions: it follows the passage's characters themselves. After each accepted change the
 * passage is the stretch from the first to the last of its characters still standing, including
 * whatever was typed between them; when none stands it is removed and keeps its last wording. At the
 * end, every passage either holds exactly those words where they stand or is marked removed.
 */
class CommentAnchorProperties {

    private static final char FIRST_INITIAL = '\u3400';
    private static final char FIRST_TYPED = '\u4E00';

    @Test
    void random_concurrent_edits_never_lose_a_passage_silently() {
        Cases cases = new Cases("random_concurrent_edits_never_lose_a_passage_silently");
        qt().withExamples(500).forAll(integers().between(2, 5), integers().between(0, 40), schedules())
                .checkAssert((clients, initialLength, schedule) -> {
                    Run run = new Run(clients, initialLength);
                    for (Step step : schedule) {
                        run.perform(step);
                    }
                    run.settle();
                    run.read();
                    run.assertEveryPassageMatchesItsOracle(cases);
                    cases.collect("passages", run.passages.size() < 3 ? "0-2" : run.passages.size() < 8 ? "3-7" : "8+");
                    cases.collect("changes", run.authority.version() < 20 ? "0-19"
                            : run.authority.version() < 60 ? "20-59" : "60+");
                });
        cases.print();
        cases.requireMoreThan("passage", "removed", 5);
        cases.requireMoreThan("passage", "grew inside", 5);
        cases.requireMoreThan("selected on", "an older version", 5);
    }

    static Gen<List<Step>> schedules() {
        Gen<Action> actions = Generate.frequency(
                Pair.of(25, Generate.constant(Action.EDIT)),
                Pair.of(20, Generate.constant(Action.PUSH)),
                Pair.of(25, Generate.constant(Action.RECEIVE)),
                Pair.of(10, Generate.constant(Action.SELECT)),
                Pair.of(5, Generate.constant(Action.READ)));
        return lists().of(actions.zip(integers().between(0, 4), longs().all(), Step::new)).ofSizeBetween(10, 200);
    }

    enum Action { EDIT, PUSH, RECEIVE, SELECT, READ }

    record Step(Action action, int client, long seed) {
    }

    /** A stored passage and what the oracle says about it. */
    private static final class Tracked {
        final long id;
        Passage stored;
        int storedAt;
        /** The oracle: the characters the passage is made of, as a stretch of the text at {@code oracleAt}. */
        String oracleWords;
        boolean oracleRemoved;
        boolean selectedOnOlder;
        boolean grewInside;

        Tracked(long id, Passage passage, int version) {
            this.id = id;
            this.stored = passage;
            this.storedAt = version;
            this.oracleWords = passage.wording();
        }
    }

    private static final class Run {
        final Authority authority;
        final List<SimulatedClient> clients = new ArrayList<>();
        /** The authority's text at each version. */
        final List<String> texts = new ArrayList<>();
        final List<Tracked> passages = new ArrayList<>();
        private char nextTyped = FIRST_TYPED;

        Run(int clientCount, int initialLength) {
            StringBuilder initial = new StringBuilder();
            for (int i = 0; i < initialLength; i++) {
                initial.append((char) (FIRST_INITIAL + i));
            }
            authority = Authority.starting(initial.toString(), 0);
            texts.add(initial.toString());
            for (int c = 0; c < clientCount; c++) {
                clients.add(new SimulatedClient("client" + c, new Author(c, c % 2), initial.toString(), 0));
            }
        }

        void perform(Step step) {
            int c = step.client() % clients.size();
            SimulatedClient client = clients.get(c);
            SplittableRandom random = new SplittableRandom(step.seed());
            switch (step.action()) {
                case EDIT -> client.edit(RandomEdits.change(client.doc().length(), random,
                        () -> String.valueOf(nextTyped++)));
                case PUSH -> push(client);
                case RECEIVE -> receive(client, 1 + random.nextInt(3));
                case SELECT -> select(client, random);
                case READ -> read();
            }
        }

        void push(SimulatedClient client) {
            if (client.unconfirmed().isEmpty()) {
                return;
            }
            Receipt receipt = authority.receiveRebased(client.version(), client.sendable());
            if (receipt instanceof Receipt.Accepted accepted) {
                for (AcceptedUpdate update : accepted.updates()) {
                    String before = texts.getLast();
                    String after = update.changes().apply(before);
                    texts.add(after);
                    for (Tracked t : passages) {
                        follow(t, after);
                    }
                }
            }
        }

        /** The client takes in up to {@code count} accepted changes, one at a time, as the editor does. */
        void receive(SimulatedClient client, int count) {
            for (int i = 0; i < count && client.version() < authority.version(); i++) {
                client.receive(authority.updatesSince(client.version()).subList(0, 1));
            }
        }

        /**
         * A person selects a passage on their page and comments. The page sends the selection with
         * the version it is confirmed at; a page with edits not yet confirmed waits for them first,
         * so the selection is in the text of that version.
         */
        void select(SimulatedClient client, SplittableRandom random) {
            if (!client.unconfirmed().isEmpty() || client.doc().isEmpty()) {
                return;
            }
            String doc = client.doc();
            assertThat(doc).isEqualTo(texts.get(client.version()));
            int from = random.nextInt(doc.length());
            int to = from + 1 + random.nextInt(Math.min(20, doc.length() - from));
            Tracked t = new Tracked(passages.size() + 1, Passage.of(doc, from, to), client.version());
            t.selectedOnOlder = client.version() < authority.version();
            // The oracle starts at the selection and follows the changes the page had not yet seen.
            for (int v = client.version() + 1; v < texts.size(); v++) {
                follow(t, texts.get(v));
            }
            passages.add(t);
        }

        /** The oracle after one accepted change that produced {@code after}. */
        private void follow(Tracked t, String after) {
            if (t.oracleRemoved) {
                return;
            }
            int first = Integer.MAX_VALUE;
            int last = -1;
            for (char ch : t.oracleWords.toCharArray()) {
                int at = after.indexOf(ch);
                if (at >= 0) {
                    first = Math.min(first, at);
                    last = Math.max(last, at);
                }
            }
            if (last < 0) {
                t.oracleRemoved = true;
                return;
            }
            String words = after.substring(first, last + 1);
            if (words.chars().anyMatch(ch -> t.oracleWords.indexOf(ch) < 0)) {
                t.grewInside = true;
            }
            t.oracleWords = words;
        }

        /** The server reads the threads: carries every stored passage to now and stores the result. */
        void read() {
            if (passages.isEmpty()) {
                return;
            }
            int start = passages.stream().mapToInt(t -> t.storedAt).min().orElseThrow();
            List<AnchorWalk.Stored> stored = passages.stream()
                    .map(t -> new AnchorWalk.Stored(t.id, t.stored, t.storedAt)).toList();
            AnchorWalk.Result result = AnchorWalk.carry(start, texts.get(start), stored,
                    authority.updatesSince(start));
            assertThat(result.text()).isEqualTo(authority.text());
            Map<Long, Tracked> byId = new HashMap<>();
            passages.forEach(t -> byId.put(t.id, t));
            result.passages().forEach((id, passage) -> {
                Tracked t = byId.get(id);
                t.stored = passage;
                t.storedAt = result.version();
            });
        }

        void settle() {
            for (SimulatedClient client : clients) {
                push(client);
            }
            for (SimulatedClient client : clients) {
                receive(client, Integer.MAX_VALUE);
                push(client);
            }
            for (SimulatedClient client : clients) {
                receive(client, Integer.MAX_VALUE);
            }
        }

        void assertEveryPassageMatchesItsOracle(Cases cases) {
            String text = authority.text();
            for (Tracked t : passages) {
                assertThat(t.storedAt).isEqualTo(authority.version());
                Passage p = t.stored;
                if (t.oracleRemoved) {
                    assertThat(p.removed()).as("passage %d removed", t.id).isTrue();
                    assertThat(p.from()).isEqualTo(p.to());
                    assertThat(p.wording()).as("last wording of %d", t.id).isEqualTo(t.oracleWords);
                    cases.collect("passage", "removed");
                } else {
                    assertThat(p.removed()).as("passage %d still stands", t.id).isFalse();
                    assertThat(p.wording()).as("words of %d", t.id).isEqualTo(t.oracleWords);
                    assertThat(text.substring(p.from(), p.to())).as("place of %d", t.id).isEqualTo(t.oracleWords);
                    cases.collect("passage", t.grewInside ? "grew inside" : "kept its words");
                }
                cases.collect("selected on", t.selectedOnOlder ? "an older version" : "the latest version");
            }
        }
    }
}
