package dk.ligevaerd.shared.ui;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Reads a page's query parameters, which anyone can type or mangle: every value is checked, and
 * whatever cannot be used (malformed, unknown, repeated with different values) is collected so the
 * page can say that it was ignored instead of failing.
 */
public final class AddressReader {

    private final Map<String, List<String>> parameters;
    private final Set<String> read = new HashSet<>();
    private final Set<String> rejected = new LinkedHashSet<>();

    public AddressReader(Map<String, List<String>> parameters) {
        this.parameters = parameters;
    }

    /** The parameter's one value if it passes {@code valid}; null (and noted) otherwise. */
    public @Nullable String text(String name, Predicate<String> valid) {
        String value = single(name);
        if (value == null) {
            return null;
        }
        if (!valid.test(value)) {
            rejected.add(name);
            return null;
        }
        return value;
    }

    /** An id ({@code 1, 2, …}) that {@code known} accepts. */
    public @Nullable Long id(String name, Predicate<Long> known) {
        String value = single(name);
        if (value == null) {
            return null;
        }
        try {
            long id = Long.parseLong(value);
            if (id > 0 && known.test(id)) {
                return id;
            }
        } catch (NumberFormatException notANumber) {
            // noted below
        }
        rejected.add(name);
        return null;
    }

    /** A whole number between {@code min} and {@code max}. */
    public @Nullable Integer number(String name, int min, int max) {
        String value = single(name);
        if (value == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException notANumber) {
            // noted below
        }
        rejected.add(name);
        return null;
    }

    /** A date written as the address writes it, {@code 2026-11-30}. */
    public @Nullable LocalDate date(String name) {
        String value = single(name);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException malformed) {
            rejected.add(name);
            return null;
        }
    }

    /**
     * A period from {@code from} to {@code to} (both dates, either may be missing); an end before
     * the start is ignored.
     */
    public Period period() {
        LocalDate start = date("from");
        LocalDate end = date("to");
        if (start != null && end != null && end.isBefore(start)) {
            reject("to");
            end = null;
        }
        return new Period(start, end);
    }

    /** Dates as the address gives them; either may be open. */
    public record Period(@Nullable LocalDate from, @Nullable LocalDate to) {

        public boolean isOpen() {
            return from == null && to == null;
        }
    }

    /** Notes a value that was read but cannot be used together with the others. */
    public void reject(String name) {
        rejected.add(name);
    }

    /** Everything that was not used: rejected values, then parameters nobody asked for. */
    public List<String> ignored() {
        List<String> ignored = new ArrayList<>(rejected);
        parameters.keySet().stream().filter(name -> !read.contains(name)).sorted().forEach(ignored::add);
        return ignored;
    }

    private @Nullable String single(String name) {
        read.add(name);
        List<String> values = parameters.getOrDefault(name, List.of());
        Set<String> distinct = new LinkedHashSet<>();
        values.stream().map(String::strip).filter(v -> !v.isEmpty()).forEach(distinct::add);
        if (distinct.isEmpty()) {
            return null;
        }
        if (distinct.size() > 1) {
            rejected.add(name);
            return null;
        }
        return distinct.iterator().next();
    }
}
