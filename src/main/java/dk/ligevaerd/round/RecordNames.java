package dk.ligevaerd.round;

import dk.ligevaerd.account.AccountService;
import dk.ligevaerd.account.UserSummary;
import dk.ligevaerd.round.RecordView.Person;
import dk.ligevaerd.round.domain.CanonicalJson;
import dk.ligevaerd.round.domain.DecisionRecord;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Reads decision records for showing, with people's names beside the hashed content. A record of
 * format 4 names people by account id only, and each is shown by their name now (a person who
 * erased their account by their pseudonym). A record of formats 1 to 3 holds the names it was
 * written with, inside its hash: those stay as written, except that an erased person is shown by
 * their pseudonym; the stored bytes, which verification and the exports use, are never changed.
 * See docs/export-format.md.
 */
@Component
class RecordNames {

    private final AccountService accounts;
    /**
     * Parsed records. A record never changes; the key includes the digest of the stored content, so
     * that a record changed behind the application's back is shown as it now reads, not as cached.
     * Names are put in after the cache, since they change when someone erases their account.
     */
    private final Map<String, Parsed> parsed = new ConcurrentHashMap<>();

    private record Parsed(RecordView view, boolean namesInside) {
    }

    RecordNames(AccountService accounts) {
        this.accounts = accounts;
    }

    RecordView view(DecisionRecord record) {
        return views(List.of(record)).getFirst();
    }

    List<RecordView> views(List<DecisionRecord> records) {
        List<Parsed> all = records.stream().map(this::parse).toList();
        Set<Long> people = new HashSet<>();
        all.forEach(p -> people.addAll(p.view().personIds()));
        Map<Long, UserSummary> known = people.isEmpty() ? Map.of() : accounts.summaries(people);
        return all.stream().map(p -> p.view().withNames(person -> name(person, p.namesInside(), known))).toList();
    }

    private static Person name(Person person, boolean namesInside, Map<Long, UserSummary> known) {
        UserSummary now = known.get(person.id());
        if (now == null || (namesInside && !now.erased())) {
            return person;
        }
        return new Person(person.id(), now.displayName());
    }

    private Parsed parse(DecisionRecord record) {
        return parsed.computeIfAbsent(record.id() + ":" + record.hash() + ":" + CanonicalJson.sha256(record.content()),
                key -> new Parsed(RecordContent.read(record), RecordContent.namesInside(record)));
    }
}
