package dk.ligevaerd.statement.collab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import dk.ligevaerd.testing.Cases;
import dk.ligevaerd.testing.Gens;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * The promise of the live editor (SPEC, "Real time"): concurrent typing in the same sentence loses
 * no keystroke, and all copies converge. Here several browsers, each rebasing exactly as
 * {@code @codemirror/collab} does ({@link SimulatedClient}), talk to one {@link Authority} through
 * a network that delivers each connection's messages in order but interleaves connections at
 * random, delays them arbitrarily and sometimes drops a connection with whatever was in flight.
 */
class CollabConvergenceTest {

    /** Inserted text is drawn from here one code unit at a time, so every character is unique. */
    private static final char FIRST_MARKER = '\u4E00';

    @Test
    void random_interleavings_of_edits_always_converge_and_keep_every_acknowledged_insertion() {
        Cases cases = new Cases("random_interleavings_of_edits_always_converge_and_keep_every_acknowledged_insertion");
        qt().withExamples(1000).forAll(integers().between(2, 5), initialTexts(), schedules())
                .checkAssert((clientCount, initial, schedule) -> {
                    Network network = new Network(clientCount, initial);

                    for (Step step : schedule) {
                        network.perform(step);
                    }
                    network.settle();

                    network.assertConverged();
                    network.assertEveryInsertionKeptUnlessDeletedLater();
                    collect(cases, schedule);
                });
        cases.print();
    }

    private static void collect(Cases cases, List<Step> schedule) {
        cases.collect("connection dropped", schedule.stream().anyMatch(step -> step.action() == Action.DISCONNECT));
        cases.collect("steps", schedule.size() < 50 ? "10-49" : schedule.size() < 100 ? "50-99" : "100-200");
    }

    /**
     * The same promise when the authority moves stale batches over the newer changes one at a time
     * instead of sending them back ({@link Authority#proposeRebased}), as the server does, and
     * browsers receive changes one at a time, as the editor does: every browser always holds the
     * authority's text at its version plus its own unconfirmed edits, and all converge. (With the
     * authority moving batches over a composition of changes instead, this property failed.)
     */
    @Test
    void random_interleavings_converge_when_the_authority_rebases_stale_batches() {
        Cases cases = new Cases("random_interleavings_converge_when_the_authority_rebases_stale_batches");
        qt().withExamples(1000).forAll(integers().between(2, 5), initialTexts(), schedules())
                .checkAssert((clientCount, initial, schedule) -> {
                    convergesWhenTheAuthorityRebases(clientCount, initial, schedule);
                    collect(cases, schedule);
                });
        cases.print();
    }

    private static void convergesWhenTheAuthorityRebases(int clientCount, String initial, List<Step> schedule) {
        Network network = new Network(clientCount, initial, true);

        for (Step step : schedule) {
            network.perform(step);
        }
        network.settle();

        network.assertConverged();
        network.assertEveryInsertionKeptUnlessDeletedLater();
    }

    @Test
    void a_stale_batch_is_rebased_by_the_authority_and_both_browsers_converge() {
        Network network = new Network(2, "Vi vil .", true);
        SimulatedClient anna = network.clients.get(0);
        SimulatedClient bo = network.clients.get(1);
        anna.edit(ChangeSet.replace(8, 7, 7, "mødes"));
        bo.edit(ChangeSet.replace(8, 0, 0, "Nu: "));
        assertThat(bo.sendable()).hasSize(1);

        network.push(0);
        network.push(1);
        network.deliverToServer(0);
        network.deliverToServer(1);
        network.settle();

        network.assertConverged();
        assertThat(network.authority.text()).isEqualTo("Nu: Vi vil mødes.");
        assertThat(network.authority.version()).isEqualTo(2);
    }


    @Test
    void concurrent_inserts_in_the_same_sentence_converge() {
        Network network = new Network(2, "Vi vil .");
        SimulatedClient anna = network.clients.get(0);
        SimulatedClient bo = network.clients.get(1);
        anna.edit(ChangeSet.replace(8, 7, 7, "mødes"));
        bo.edit(ChangeSet.replace(8, 7, 7, "lære"));

        network.push(0);
        network.push(1);
        network.deliverToServer(0);
        network.deliverToServer(1);
        network.settle();

        network.assertConverged();
        assertThat(network.authority.text()).isEqualTo("Vi vil mødeslære.");
    }

    @Test
    void a_browser_whose_connection_drops_keeps_its_unsent_edits() {
        Network network = new Network(2, "Formål");
        SimulatedClient anna = network.clients.get(0);
        anna.edit(ChangeSet.replace(6, 6, 6, ": fællesskab"));
        network.push(0);
        network.deliverToServer(0);
        anna.edit(ChangeSet.replace(anna.doc().length(), 0, 0, "Vores "));

        network.disconnect(0);
        network.settle();

        network.assertConverged();
        assertThat(network.authority.text()).isEqualTo("Vores Formål: fællesskab");
        assertThat(network.authority.version()).isEqualTo(2);
    }

    static Gen<String> initialTexts() {
        return Gens.strings("ab \n", 8);
    }

    static Gen<List<Step>> schedules() {
        Gen<Action> actions = Generate.frequency(
                Pair.of(30, Generate.constant(Action.EDIT)),
                Pair.of(15, Generate.constant(Action.PUSH)),
                Pair.of(5, Generate.constant(Action.PULL)),
                Pair.of(20, Generate.constant(Action.DELIVER_TO_SERVER)),
                Pair.of(25, Generate.constant(Action.DELIVER_TO_CLIENT)),
                Pair.of(2, Generate.constant(Action.DISCONNECT)));
        return lists().of(actions.zip(integers().between(0, 4), longs().all(), Step::new)).ofSizeBetween(10, 200);
    }

    enum Action { EDIT, PUSH, PULL, DELIVER_TO_SERVER, DELIVER_TO_CLIENT, DISCONNECT }

    /** One thing happening: {@code client} is taken modulo the number of clients. */
    record Step(Action action, int client, long seed) {
    }

    private sealed interface Request {
        record Push(int version, List<Update> updates) implements Request {
        }

        record Pull(int version) implements Request {
        }
    }

    private sealed interface Reply {
        record PushAnswered(boolean accepted) implements Reply {
        }

        record Updates(List<AcceptedUpdate> updates) implements Reply {
        }
    }

    /** The authority, its clients and the messages in flight between them. */
    private static final class Network {
        final Authority authority;
        final List<SimulatedClient> clients = new ArrayList<>();
        private final List<Deque<Request>> toServer = new ArrayList<>();
        private final List<Deque<Reply>> toClient = new ArrayList<>();
        private final boolean[] pushing;
        /** The authority's text at each version since the start, to check clients against. */
        private final List<String> texts = new ArrayList<>();
        private final String initial;
        private final List<Character> typed = new ArrayList<>();
        private char nextMarker = FIRST_MARKER;
        private final boolean rebasing;

        Network(int clientCount, String initial) {
            this(clientCount, initial, false);
        }

        Network(int clientCount, String initial, boolean rebasing) {
            this.rebasing = rebasing;
            this.initial = initial;
            this.authority = Authority.starting(initial, 0);
            this.pushing = new boolean[clientCount];
            texts.add(initial);
            for (int c = 0; c < clientCount; c++) {
                clients.add(new SimulatedClient("client" + c, new Author(c, c % 2), initial, 0));
                toServer.add(new ArrayDeque<>());
                toClient.add(new ArrayDeque<>());
            }
        }

        void perform(Step step) {
            int c = step.client() % clients.size();
            switch (step.action()) {
                case EDIT -> edit(c, step.seed());
                case PUSH -> push(c);
                case PULL -> toServer.get(c).add(new Request.Pull(clients.get(c).version()));
                case DELIVER_TO_SERVER -> deliverToServer(c);
                case DELIVER_TO_CLIENT -> deliverToClient(c);
                case DISCONNECT -> disconnect(c);
            }
        }

        void edit(int c, long seed) {
            SplittableRandom random = new SplittableRandom(seed);
            SimulatedClient client = clients.get(c);
            ChangeSet change = RandomEdits.change(client.doc().length(), random, () -> String.valueOf(nextMarker++));
            // Counted from the change itself: a later range of one edit may replace an earlier one's text.
            for (ChangeSet.Change part : change.changes()) {
                part.inserted().chars().forEach(ch -> typed.add((char) ch));
            }
            client.edit(change);
        }

        /** As the editor does: send all unconfirmed updates, one push at a time. */
        boolean push(int c) {
            SimulatedClient client = clients.get(c);
            if (pushing[c] || client.unconfirmed().isEmpty()) {
                return false;
            }
            pushing[c] = true;
            toServer.get(c).add(new Request.Push(client.version(), client.sendable()));
            return true;
        }

        void deliverToServer(int c) {
            Request request = toServer.get(c).poll();
            if (request == null) {
                return;
            }
            switch (request) {
                case Request.Pull pull ->
                        toClient.get(c).add(new Reply.Updates(authority.updatesSince(pull.version())));
                case Request.Push push -> {
                    Receipt receipt = rebasing ? authority.receiveRebased(push.version(), push.updates())
                            : authority.receive(push.version(), push.updates());
                    switch (receipt) {
                        case Receipt.Accepted accepted -> {
                            for (AcceptedUpdate update : accepted.updates()) {
                                texts.add(update.changes().apply(texts.getLast()));
                            }
                            assertThat(texts.getLast()).isEqualTo(authority.text());
                            toClient.get(c).add(new Reply.PushAnswered(true));
                            for (Deque<Reply> inbox : toClient) {
                                inbox.add(new Reply.Updates(accepted.updates()));
                            }
                        }
                        case Receipt.Behind behind -> toClient.get(c).add(new Reply.PushAnswered(false));
                        case Receipt.Refused refused -> fail("Refused: " + refused.reason().getMessage());
                    }
                }
            }
        }

        void deliverToClient(int c) {
            Reply reply = toClient.get(c).poll();
            if (reply == null) {
                return;
            }
            SimulatedClient client = clients.get(c);
            switch (reply) {
                case Reply.PushAnswered answered -> {
                    pushing[c] = false;
                    if (!answered.accepted()) {
                        toServer.get(c).add(new Request.Pull(client.version()));
                    }
                }
                case Reply.Updates updates -> {
                    List<AcceptedUpdate> unseen = updates.updates().stream()
                            .filter(update -> update.version() > client.version())
                            .toList();
                    if (unseen.isEmpty()) {
                        return;
                    }
                    if (unseen.getFirst().version() > client.version() + 1) {
                        toServer.get(c).add(new Request.Pull(client.version()));
                        return;
                    }
                    if (rebasing) {
                        // As the editor does: receiveUpdates with one change at a time.
                        for (AcceptedUpdate update : unseen) {
                            client.receive(List.of(update));
                            assertClientIsConfirmedTextPlusItsOwnEdits(client);
                        }
                    } else {
                        client.receive(unseen);
                        assertClientIsConfirmedTextPlusItsOwnEdits(client);
                    }
                }
            }
        }

        /** Whatever was in flight on this connection is lost; on reconnecting it catches up. */
        void disconnect(int c) {
            toServer.get(c).clear();
            toClient.get(c).clear();
            pushing[c] = false;
            toServer.get(c).add(new Request.Pull(clients.get(c).version()));
        }

        /** Lets the network run without new edits until nothing is in flight and everyone is current. */
        void settle() {
            for (int round = 0; round < 10_000; round++) {
                boolean busy = false;
                for (int c = 0; c < clients.size(); c++) {
                    while (!toClient.get(c).isEmpty()) {
                        deliverToClient(c);
                        busy = true;
                    }
                }
                for (int c = 0; c < clients.size(); c++) {
                    while (!toServer.get(c).isEmpty()) {
                        deliverToServer(c);
                        busy = true;
                    }
                }
                for (int c = 0; c < clients.size(); c++) {
                    busy |= push(c);
                }
                for (int c = 0; c < clients.size() && !busy; c++) {
                    if (clients.get(c).version() < authority.version()) {
                        toServer.get(c).add(new Request.Pull(clients.get(c).version()));
                        busy = true;
                    }
                }
                if (!busy) {
                    return;
                }
            }
            fail("The network did not settle");
        }

        /** A client's text is always the authority's text at its version plus its unconfirmed edits. */
        private void assertClientIsConfirmedTextPlusItsOwnEdits(SimulatedClient client) {
            String expected = texts.get(client.version());
            for (ChangeSet local : client.unconfirmed()) {
                expected = local.apply(expected);
            }
            assertThat(client.doc()).as(client.clientId()).isEqualTo(expected);
        }

        void assertConverged() {
            for (SimulatedClient client : clients) {
                assertThat(client.unconfirmed()).as(client.clientId()).isEmpty();
                assertThat(client.version()).as(client.clientId()).isEqualTo(authority.version());
                assertThat(client.doc()).as(client.clientId()).isEqualTo(authority.text());
            }
            assertThat(Authority.replay(initial, 0, authority.updatesSince(0)).text()).isEqualTo(authority.text());
        }

        /**
         * Every character typed was inserted by exactly one accepted change (rebasing neither lost
         * nor duplicated it), and is in the final text exactly when no later accepted change
         * deleted it.
         */
        void assertEveryInsertionKeptUnlessDeletedLater() {
            Map<Character, Integer> inserted = new HashMap<>();
            Map<Character, Integer> deleted = new HashMap<>();
            String text = initial;
            for (AcceptedUpdate update : authority.updatesSince(0)) {
                String after = update.changes().apply(text);
                for (ChangeSet.Range range : update.changes().insertedRanges()) {
                    after.substring(range.from(), range.to()).chars()
                            .forEach(ch -> inserted.merge((char) ch, 1, Integer::sum));
                }
                for (ChangeSet.Range range : update.changes().deletedRanges()) {
                    text.substring(range.from(), range.to()).chars()
                            .filter(ch -> ch >= FIRST_MARKER)
                            .forEach(ch -> deleted.merge((char) ch, 1, Integer::sum));
                }
                text = after;
            }
            assertThat(inserted.keySet()).containsExactlyInAnyOrderElementsOf(typed);
            assertThat(inserted.values()).allMatch(count -> count == 1);
            assertThat(deleted.values()).allMatch(count -> count == 1);
            Set<Character> remaining = new HashSet<>();
            for (char ch : authority.text().toCharArray()) {
                if (ch >= FIRST_MARKER) {
                    assertThat(remaining.add(ch)).as("%c appears once", ch).isTrue();
                }
            }
            for (char ch : typed) {
                assertThat(remaining.contains(ch)).as("%c kept unless deleted", ch)
                        .isNotEqualTo(deleted.containsKey(ch));
            }
        }
    }
}
