package dk.ligevaerd.workspace;

import dk.ligevaerd.shared.DomainException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How long a workspace is kept, as every side agreed: archived (read-only) after so many months
 * without activity, or on a date, whichever comes first; then deleted so many months after it was
 * archived. Each part may be left out; with none the workspace is kept until the sides delete it.
 *
 * @param archiveAfterIdleMonths months without anything in the workspace's history, then archive
 * @param archiveOn              the day (UTC) from which the workspace is archived
 * @param deleteAfterMonths      months after archiving, then the workspace and its data are deleted
 */
public record RetentionRule(@Nullable Integer archiveAfterIdleMonths, @Nullable LocalDate archiveOn,
        @Nullable Integer deleteAfterMonths) {

    public static final int MIN_MONTHS = 1;
    public static final int MAX_MONTHS = 120;
    public static final RetentionRule NONE = new RetentionRule(null, null, null);

    public RetentionRule {
        checkMonths(archiveAfterIdleMonths);
        checkMonths(deleteAfterMonths);
        if (deleteAfterMonths != null && archiveAfterIdleMonths == null && archiveOn == null) {
            throw new DomainException("error.retention.deleteWithoutArchive");
        }
    }

    private static void checkMonths(@Nullable Integer months) {
        if (months != null && (months < MIN_MONTHS || months > MAX_MONTHS)) {
            throw new DomainException("error.retention.months", MIN_MONTHS, MAX_MONTHS);
        }
    }

    public boolean none() {
        return archiveAfterIdleMonths == null && archiveOn == null;
    }

    /** Refuses an archiving day that has already come: it would archive the workspace at once. */
    public void checkFuture(Instant now) {
        if (archiveOn != null && !archiveOn.isAfter(LocalDate.ofInstant(now, ZoneOffset.UTC))) {
            throw new DomainException("error.retention.dateNotAhead");
        }
    }

    /** Whether a workspace last active at {@code lastActivity} is due for archiving at {@code now}. */
    public boolean archiveDue(Instant lastActivity, Instant now) {
        if (archiveOn != null && !LocalDate.ofInstant(now, ZoneOffset.UTC).isBefore(archiveOn)) {
            return true;
        }
        return archiveAfterIdleMonths != null
                && !lastActivity.atZone(ZoneOffset.UTC).plusMonths(archiveAfterIdleMonths).toInstant().isAfter(now);
    }

    /** Whether a workspace archived at {@code archivedAt} is due for deletion at {@code now}. */
    public boolean deleteDue(Instant archivedAt, Instant now) {
        return deleteAfterMonths != null
                && !archivedAt.atZone(ZoneOffset.UTC).plusMonths(deleteAfterMonths).toInstant().isAfter(now);
    }

    /** The rule as one short line ({@code idle=12;on=2027-06-30;delete=24}), as a proposal stores it. */
    public String toText() {
        List<String> parts = new ArrayList<>();
        if (archiveAfterIdleMonths != null) {
            parts.add("idle=" + archiveAfterIdleMonths);
        }
        if (archiveOn != null) {
            parts.add("on=" + archiveOn);
        }
        if (deleteAfterMonths != null) {
            parts.add("delete=" + deleteAfterMonths);
        }
        return String.join(";", parts);
    }

    public static RetentionRule parse(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        Integer idle = null;
        LocalDate on = null;
        Integer delete = null;
        try {
            for (String part : text.split(";")) {
                String[] kv = part.split("=", 2);
                switch (kv[0]) {
                    case "idle" -> idle = Integer.valueOf(kv[1]);
                    case "on" -> on = LocalDate.parse(kv[1]);
                    case "delete" -> delete = Integer.valueOf(kv[1]);
                    default -> throw new IllegalArgumentException("unknown part of a retention rule: " + part);
                }
            }
        } catch (NumberFormatException | DateTimeParseException | ArrayIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("not a retention rule: " + text, e);
        }
        return new RetentionRule(idle, on, delete);
    }
}
