package dk.ligevaerd.statement.collab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The authority decides which changes exist. A version it never had, a change for another text or
 * a text longer than the limit must be refused outright with a key, a stale browser must be sent to
 * catch up, and a refused batch must leave no trace.
 */
class AuthorityTest {

    private static final Author ANNA = new Author(1, 10);
    private static final Author BO = new Author(2, 20);

    private static Update update(String clientId, Author author, ChangeSet changes) {
        return new Update(clientId, author, changes);
    }

    private static Update insert(String clientId, String doc, int at, String text) {
        return update(clientId, ANNA, ChangeSet.replace(doc.length(), at, at, text));
    }

    @Test
    void a_batch_at_the_current_version_is_accepted_and_numbered_from_one() {
        Authority authority = Authority.create();

        Receipt receipt = authority.receive(0, List.of(
                insert("a", "", 0, "Formål"),
                update("a", ANNA, ChangeSet.replace(6, 6, 6, ": fællesskab"))));

        assertThat(receipt).isInstanceOfSatisfying(Receipt.Accepted.class, accepted -> {
            assertThat(accepted.baseVersion()).isZero();
            assertThat(accepted.version()).isEqualTo(2);
            assertThat(accepted.updates()).extracting(AcceptedUpdate::version).containsExactly(1, 2);
            assertThat(accepted.text()).isEqualTo("Formål: fællesskab");
        });
        assertThat(authority.version()).isEqualTo(2);
        assertThat(authority.text()).isEqualTo("Formål: fællesskab");
    }

    @Test
    void a_version_from_the_future_is_refused() {
        Authority authority = Authority.create();
        authority.receive(0, List.of(insert("a", "", 0, "x")));

        Receipt receipt = authority.receive(2, List.of(insert("b", "x", 0, "y")));

        assertThat(receipt).isInstanceOfSatisfying(Receipt.Refused.class, refused -> {
            assertThat(refused.messageKey()).isEqualTo(InvalidChange.VERSION_FROM_FUTURE);
            assertThat(refused.reason().arguments()).containsExactly(2, 1);
        });
        assertThat(authority.text()).isEqualTo("x");
        assertThatThrownBy(() -> authority.updatesSince(2))
                .isInstanceOfSatisfying(InvalidChange.class,
                        e -> assertThat(e.messageKey()).isEqualTo(InvalidChange.VERSION_FROM_FUTURE));
    }

    @Test
    void a_negative_version_is_refused_as_malformed() {
        Receipt receipt = Authority.create().receive(-1, List.of());

        assertThat(receipt).isInstanceOfSatisfying(Receipt.Refused.class,
                refused -> assertThat(refused.messageKey()).isEqualTo(InvalidChange.MALFORMED));
    }

    @Test
    void a_stale_version_is_told_it_is_behind_and_nothing_is_kept() {
        Authority authority = Authority.create();
        authority.receive(0, List.of(insert("a", "", 0, "Anna")));

        Receipt receipt = authority.receive(0, List.of(update("b", BO, ChangeSet.replace(0, 0, 0, "Bo"))));

        assertThat(receipt).isEqualTo(new Receipt.Behind(0, 1));
        assertThat(authority.text()).isEqualTo("Anna");
        assertThat(authority.updatesSince(0)).extracting(AcceptedUpdate::clientId).containsExactly("a");
    }

    @Test
    void growing_beyond_20000_characters_is_refused_and_the_text_stays() {
        String almostFull = "a".repeat(Authority.MAX_LENGTH - 10);
        Authority authority = Authority.starting(almostFull, 7);

        Receipt refused = authority.receive(7, List.of(insert("a", almostFull, 0, "b".repeat(11))));

        assertThat(refused).isInstanceOfSatisfying(Receipt.Refused.class, r -> {
            assertThat(r.messageKey()).isEqualTo(InvalidChange.TOO_LONG);
            assertThat(r.reason().arguments()).containsExactly(Authority.MAX_LENGTH, Authority.MAX_LENGTH + 1);
        });
        assertThat(authority.text()).isEqualTo(almostFull);
        assertThat(authority.version()).isEqualTo(7);

        assertThat(authority.receive(7, List.of(insert("a", almostFull, 0, "b".repeat(10)))))
                .isInstanceOf(Receipt.Accepted.class);
        assertThat(authority.text()).hasSize(Authority.MAX_LENGTH);
    }

    @Test
    void a_batch_is_refused_whole_when_a_later_update_breaks_the_limit() {
        String doc = "a".repeat(Authority.MAX_LENGTH - 5);
        Authority authority = Authority.starting(doc, 0);
        ChangeSet first = ChangeSet.replace(doc.length(), 0, 0, "12345");
        ChangeSet second = ChangeSet.replace(first.lengthAfter(), 0, 0, "6");

        Receipt receipt = authority.receive(0, List.of(update("a", ANNA, first), update("a", ANNA, second)));

        assertThat(receipt).isInstanceOf(Receipt.Refused.class);
        assertThat(authority.text()).isEqualTo(doc);
        assertThat(authority.version()).isZero();
        assertThat(authority.updatesSince(0)).isEmpty();
    }

    @Test
    void a_text_already_over_the_limit_may_still_be_shortened_but_not_lengthened() {
        String tooLong = "a".repeat(Authority.MAX_LENGTH + 100);
        Authority authority = Authority.starting(tooLong, 0);

        assertThat(authority.receive(0, List.of(insert("a", tooLong, 0, "b"))))
                .isInstanceOf(Receipt.Refused.class);
        assertThat(authority.receive(0, List.of(update("a", ANNA, ChangeSet.replace(tooLong.length(), 0, 50, "b")))))
                .isInstanceOf(Receipt.Accepted.class);
        assertThat(authority.text()).hasSize(Authority.MAX_LENGTH + 51);
    }

    @Test
    void a_change_made_for_another_length_is_refused() {
        Authority authority = Authority.starting("abc", 0);

        Receipt receipt = authority.receive(0, List.of(insert("a", "abcd", 0, "x")));

        assertThat(receipt).isInstanceOfSatisfying(Receipt.Refused.class, refused -> {
            assertThat(refused.messageKey()).isEqualTo(InvalidChange.WRONG_LENGTH);
            assertThat(refused.reason().arguments()).containsExactly(4, 3);
        });
        assertThat(authority.text()).isEqualTo("abc");
    }

    @Test
    void a_missing_or_overlong_client_id_is_refused() {
        Authority authority = Authority.create();

        assertThat(authority.receive(0, List.of(insert(" ", "", 0, "x")))).isInstanceOf(Receipt.Refused.class);
        assertThat(authority.receive(0, List.of(insert("c".repeat(Update.CLIENT_ID_MAX_LENGTH + 1), "", 0, "x"))))
                .isInstanceOf(Receipt.Refused.class);
        assertThat(authority.version()).isZero();
    }

    @Test
    void updates_since_a_version_are_what_a_browser_missed() {
        Authority authority = Authority.create();
        authority.receive(0, List.of(insert("a", "", 0, "x")));
        authority.receive(1, List.of(insert("b", "x", 1, "y"), insert("b", "xy", 2, "z")));

        assertThat(authority.updatesSince(1)).extracting(AcceptedUpdate::version).containsExactly(2, 3);
        assertThat(authority.updatesSince(3)).isEmpty();
    }

    @Test
    void a_proposal_changes_nothing_until_it_is_committed() {
        Authority authority = Authority.create();

        Receipt.Accepted proposal = (Receipt.Accepted) authority.propose(0, List.of(insert("a", "", 0, "x")));

        assertThat(authority.version()).isZero();
        assertThat(authority.text()).isEmpty();
        authority.commit(proposal);
        assertThat(authority.version()).isEqualTo(1);
        assertThat(authority.text()).isEqualTo("x");
        assertThatThrownBy(() -> authority.commit(proposal)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void replaying_stored_changes_rebuilds_the_same_text_and_version() {
        Authority live = Authority.create();
        live.receive(0, List.of(insert("a", "", 0, "Vi vil")));
        live.receive(1, List.of(update("b", BO, ChangeSet.replace(6, 3, 6, "mødes"))));
        live.receive(2, List.of(update("a", ANNA, ChangeSet.replace(8, 8, 8, "\nhver uge"))));
        // Stored as JSON and read back without knowing lengths, as from the database.
        List<AcceptedUpdate> stored = live.updatesSince(0).stream()
                .map(u -> new AcceptedUpdate(u.version(), u.clientId(), u.author(),
                        ChangeSet.fromJson(JsonMapper.shared().readTree(u.changes().toJsonString()))))
                .toList();

        Authority rebuilt = Authority.replay("", 0, stored);

        assertThat(rebuilt.text()).isEqualTo(live.text()).isEqualTo("Vi mødes\nhver uge");
        assertThat(rebuilt.version()).isEqualTo(3);
        assertThat(rebuilt.updatesSince(0)).isEqualTo(live.updatesSince(0));
    }

    @Test
    void a_stored_history_with_a_gap_or_a_misfit_is_not_replayed() {
        AcceptedUpdate first = new AcceptedUpdate(1, "a", ANNA, ChangeSet.replace(0, 0, 0, "x"));
        AcceptedUpdate third = new AcceptedUpdate(3, "a", ANNA, ChangeSet.replace(1, 0, 0, "y"));
        AcceptedUpdate misfit = new AcceptedUpdate(2, "a", ANNA, ChangeSet.replace(5, 0, 0, "y"));

        assertThatThrownBy(() -> Authority.replay("", 0, List.of(first, third)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Authority.replay("", 0, List.of(first, misfit)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void changes_stored_by_another_node_are_followed_and_later_batches_rebase_over_them() {
        Authority elsewhere = Authority.create();
        elsewhere.receive(0, List.of(insert("a", "", 0, "Vi vil")));
        Authority here = Authority.replay("", 0, elsewhere.updatesSince(0));
        elsewhere.receive(1, List.of(update("b", BO, ChangeSet.replace(6, 6, 6, " mødes"))));
        elsewhere.receive(2, List.of(update("b", BO, ChangeSet.replace(12, 12, 12, "."))));

        here.follow(elsewhere.updatesSince(1));

        assertThat(here.version()).isEqualTo(3);
        assertThat(here.text()).isEqualTo("Vi vil mødes.");
        assertThat(here.updatesSince(0)).isEqualTo(elsewhere.updatesSince(0));
        // A batch made on version 1 here is moved over the two followed changes.
        assertThat(here.receiveRebased(1, List.of(update("c", ANNA, ChangeSet.replace(6, 0, 0, "Nu: ")))))
                .isInstanceOf(Receipt.Accepted.class);
        assertThat(here.text()).isEqualTo("Nu: Vi vil mødes.");
    }

    @Test
    void changes_that_do_not_follow_directly_are_not_taken_at_all() {
        Authority here = Authority.create();
        here.receive(0, List.of(insert("a", "", 0, "x")));
        AcceptedUpdate second = new AcceptedUpdate(2, "a", ANNA, ChangeSet.replace(1, 1, 1, "y"));
        AcceptedUpdate fourth = new AcceptedUpdate(4, "a", ANNA, ChangeSet.replace(2, 2, 2, "z"));
        AcceptedUpdate misfit = new AcceptedUpdate(3, "a", ANNA, ChangeSet.replace(9, 0, 0, "z"));

        assertThatThrownBy(() -> here.follow(List.of(second, fourth))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> here.follow(List.of(second, misfit))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> here.follow(List.of(fourth))).isInstanceOf(IllegalStateException.class);
        assertThat(here.version()).isEqualTo(1);
        assertThat(here.text()).isEqualTo("x");
    }

    @Test
    void a_browser_older_than_the_snapshot_must_reload() {
        Authority authority = Authority.starting("snapshot", 40);

        assertThat(authority.receive(39, List.of())).isEqualTo(new Receipt.Behind(39, 40));
        assertThatThrownBy(() -> authority.updatesSince(39))
                .isInstanceOfSatisfying(InvalidChange.class,
                        e -> assertThat(e.messageKey()).isEqualTo(InvalidChange.VERSION_TOO_OLD));
    }

    @Test
    void a_stale_batch_is_moved_over_the_changes_accepted_since_and_accepted() {
        Authority authority = Authority.create();
        authority.receive(0, List.of(insert("a", "", 0, "Vi vil .")));
        authority.receive(1, List.of(update("a", ANNA, ChangeSet.replace(8, 7, 7, "mødes"))));

        // Bo made his change on version 1, before Anna's second change.
        Receipt receipt = authority.receiveRebased(1,
                List.of(update("b", BO, ChangeSet.replace(8, 0, 0, "Nu: "))));

        assertThat(receipt).isInstanceOfSatisfying(Receipt.Accepted.class, accepted -> {
            assertThat(accepted.version()).isEqualTo(3);
            assertThat(accepted.updates().getFirst().changes()).isEqualTo(ChangeSet.replace(13, 0, 0, "Nu: "));
        });
        assertThat(authority.text()).isEqualTo("Nu: Vi vil mødes.");
    }

    @Test
    void updates_sent_again_after_a_lost_acknowledgement_are_not_applied_twice() {
        Authority authority = Authority.create();
        Update first = insert("a", "", 0, "Formål");
        authority.receive(0, List.of(first));
        authority.receive(1, List.of(update("b", BO, ChangeSet.replace(6, 0, 0, "Vores "))));

        // Anna never saw her acknowledgement: she sends her first update again with a second one.
        Receipt receipt = authority.receiveRebased(0,
                List.of(first, update("a", ANNA, ChangeSet.replace(6, 6, 6, "!"))));

        assertThat(receipt).isInstanceOfSatisfying(Receipt.Accepted.class,
                accepted -> assertThat(accepted.updates()).hasSize(1));
        assertThat(authority.text()).isEqualTo("Vores Formål!");
        assertThat(authority.version()).isEqualTo(3);
    }

    @Test
    void a_batch_sent_again_when_everything_in_it_was_accepted_changes_nothing() {
        Authority authority = Authority.create();
        Update first = insert("a", "", 0, "Formål");
        authority.receive(0, List.of(first));

        Receipt receipt = authority.receiveRebased(0, List.of(first));

        assertThat(receipt).isInstanceOfSatisfying(Receipt.Accepted.class,
                accepted -> assertThat(accepted.updates()).isEmpty());
        assertThat(authority.version()).isEqualTo(1);
        assertThat(authority.text()).isEqualTo("Formål");
    }

    @Test
    void a_batch_several_changes_behind_is_moved_over_them_one_at_a_time() {
        Authority authority = Authority.create();
        authority.receive(0, List.of(insert("a", "", 0, "ab")));
        authority.receive(1, List.of(insert("a", "ab", 2, "c")));
        authority.receive(2, List.of(update("b", BO, ChangeSet.replace(3, 0, 0, "d"))));

        Receipt receipt = authority.receiveRebased(1, List.of(update("c", BO, ChangeSet.replace(2, 1, 1, "x"))));

        assertThat(receipt).isInstanceOfSatisfying(Receipt.Accepted.class,
                accepted -> assertThat(accepted.version()).isEqualTo(4));
        assertThat(authority.text()).isEqualTo("daxbc");
    }

    @Test
    void no_accepted_change_splits_a_surrogate_pair_or_brings_in_a_forbidden_character_seeded_property() {
        // Pieces of text a browser could send; the last four are forbidden (direction controls and
        // non-characters, one of them astral).
        List<String> allowed = List.of("a", "\uD83D\uDE00", "\u00e6", " ", "\uD834\uDD1E");
        List<String> forbidden = List.of("\u202E", "\u2066", "\uFFFF", "\uD83F\uDFFF");
        java.util.SplittableRandom random = new java.util.SplittableRandom(20261206);
        int accepted = 0;
        int refusedSplit = 0;
        int refusedCharacter = 0;
        for (int run = 0; run < 200; run++) {
            Authority authority = Authority.create();
            for (int step = 0; step < 30; step++) {
                String doc = authority.text();
                // A stale editor: made on an older version, moved over the newer changes by the authority.
                int base = random.nextInt(Math.max(1, Math.min(3, authority.version() + 1)));
                int clientVersion = Math.max(0, authority.version() - base);
                String old = Authority.replay("", 0, authority.updatesSince(0).subList(0, clientVersion)).text();
                int from = random.nextInt(old.length() + 1);
                int to = Math.min(old.length(), from + random.nextInt(3));
                boolean bad = random.nextInt(5) == 0;
                String insert = bad ? forbidden.get(random.nextInt(forbidden.size()))
                        : allowed.get(random.nextInt(allowed.size()));
                // A stale change is judged where it lands: a later change may have removed the pair it split.
                boolean current = clientVersion == authority.version();
                boolean splits = StatementCharacters.splitsPair(old, from) || StatementCharacters.splitsPair(old, to);
                Receipt receipt = authority.receiveRebased(clientVersion,
                        List.of(update("c" + step, ANNA, ChangeSet.replace(old.length(), from, to, insert))));
                if (!current && splits && !bad && receipt instanceof Receipt.Accepted) {
                    accepted++;
                } else if (splits || bad) {
                    assertThat(receipt).isInstanceOfSatisfying(Receipt.Refused.class,
                            r -> assertThat(r.messageKey()).isEqualTo(InvalidChange.INVALID_CHARACTER));
                    assertThat(authority.text()).isEqualTo(doc);
                    if (splits) {
                        refusedSplit++;
                    } else {
                        refusedCharacter++;
                    }
                } else {
                    assertThat(receipt).isInstanceOf(Receipt.Accepted.class);
                    accepted++;
                }
                assertThat(StatementCharacters.sendable(authority.text())).isEqualTo(authority.text());
                assertThat(StatementCharacters.forbidden(authority.text())).isNull();
            }
        }
        System.out.printf("surrogates and forbidden characters: %d accepted, %d refused as splitting a pair,"
                + " %d refused for a forbidden character%n", accepted, refusedSplit, refusedCharacter);
        assertThat(accepted).isGreaterThan(1_000);
        assertThat(refusedSplit).isGreaterThan(100);
        assertThat(refusedCharacter).isGreaterThan(100);
    }

    @Test
    void sendable_text_keeps_pairs_and_length_and_replaces_only_lone_halves() {
        assertThat(StatementCharacters.sendable("a\uD83D\uDE00b")).isEqualTo("a\uD83D\uDE00b");
        assertThat(StatementCharacters.sendable("a\uD83DZ\uDE00")).isEqualTo("a\uFFFDZ\uFFFD");
        assertThat(StatementCharacters.sendable("\uDE00\uD83D")).isEqualTo("\uFFFD\uFFFD");
    }
}
