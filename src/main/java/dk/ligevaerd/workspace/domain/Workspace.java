package dk.ligevaerd.workspace.domain;

import dk.ligevaerd.shared.DomainException;
import dk.ligevaerd.shared.NotFoundOrNoAccessException;
import dk.ligevaerd.shared.Text;
import dk.ligevaerd.workspace.DefaultRule;
import dk.ligevaerd.workspace.RetentionRule;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * One initiative. Guards its sides: at least two, names unique (ignoring case), and a side with
 * members is never deleted.
 */
@Entity
@Table(name = "workspace")
public class Workspace {

    public static final int NAME_MAX_LENGTH = 120;
    public static final int DESCRIPTION_MAX_LENGTH = 1000;
    public static final int MIN_SIDES = 2;
    public static final int MAX_SIDES = 8;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(nullable = false, length = NAME_MAX_LENGTH)
    private String name;

    @Column(nullable = false, length = DESCRIPTION_MAX_LENGTH)
    private String description;

    @Column(name = "joint_closing", nullable = false)
    private boolean jointClosing;

    @Column(name = "created_by", nullable = false)
    private long createdBy;

    @Column(nullable = false, length = 2)
    private String language = "da";

    @Enumerated(EnumType.STRING)
    @Column(name = "default_rule", nullable = false, length = 20)
    private DefaultRule defaultRule = DefaultRule.SIDE_PARITY;

    @Column(name = "suggestions_by_moderators", nullable = false)
    private boolean suggestionsByModerators;

    @Column(name = "observers_may_comment", nullable = false)
    private boolean observersMayComment;

    @Column(name = "deleted_at")
    private @Nullable Instant deletedAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "retention_idle_months")
    private @Nullable Integer retentionIdleMonths;

    @Column(name = "retention_archive_on")
    private java.time.@Nullable LocalDate retentionArchiveOn;

    @Column(name = "retention_delete_months")
    private @Nullable Integer retentionDeleteMonths;

    /** Set by the retention worker's conditional update (WorkspaceRetention), never by this entity. */
    @Column(name = "archived_at")
    private @Nullable Instant archivedAt;

    @Version
    private long version;

    @OneToMany(mappedBy = "workspace", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<Side> sides = new ArrayList<>();

    protected Workspace() {
        this.name = "";
        this.description = "";
        this.createdAt = Instant.EPOCH;
    }

    /** A new workspace with the given sides, in order, coloured from the palette. */
    public Workspace(String name, String description, List<String> sideNames, long createdBy, Instant createdAt) {
        this.name = checkName(name);
        this.description = Text.optional(description, DESCRIPTION_MAX_LENGTH, "field.description");
        this.jointClosing = true;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        if (sideNames.size() < MIN_SIDES) {
            throw new DomainException("error.side.tooFew", MIN_SIDES);
        }
        for (String sideName : sideNames) {
            addSide(sideName, Side.PALETTE.get(sides.size() % Side.PALETTE.size()));
        }
    }

    private static String checkName(String name) {
        return Text.required(name, NAME_MAX_LENGTH, "field.workspaceName");
    }

    public void rename(String newName) {
        requireWritable();
        this.name = checkName(newName);
    }

    public void describe(String newDescription) {
        requireWritable();
        this.description = Text.optional(newDescription, DESCRIPTION_MAX_LENGTH, "field.description");
    }

    public void setJointClosing(boolean jointClosing) {
        requireWritable();
        this.jointClosing = jointClosing;
    }

    /** The languages a workspace can have; its exports and e-mails are written in it. */
    public static final java.util.Set<String> LANGUAGES = java.util.Set.of("da", "en");

    public void setLanguage(String newLanguage) {
        requireWritable();
        if (!LANGUAGES.contains(newLanguage)) {
            throw new DomainException("error.workspace.language");
        }
        this.language = newLanguage;
    }

    /** Whether a suggested change to the statement needs a moderator of every other side to accept it. */
    public boolean suggestionsByModerators() {
        return suggestionsByModerators;
    }

    public void setSuggestionsByModerators(boolean byModerators) {
        requireWritable();
        this.suggestionsByModerators = byModerators;
    }

    /** Whether observers (members on no side) may start threads and reply in the discussion. */
    public boolean observersMayComment() {
        return observersMayComment;
    }

    public void setObserversMayComment(boolean allowed) {
        requireWritable();
        this.observersMayComment = allowed;
    }

    public void setDefaultRule(DefaultRule rule) {
        requireWritable();
        this.defaultRule = rule;
    }

    /** Refuses any change while the workspace is archived: it is read-only until every side reopens it. */
    public void requireWritable() {
        if (archivedAt != null) {
            throw new DomainException("error.workspace.archived");
        }
    }

    public boolean archived() {
        return archivedAt != null;
    }

    public @Nullable Instant archivedAt() {
        return archivedAt;
    }

    /**
     * Every side agreed to open the archived workspace again. An archiving day that has passed is
     * dropped from the rule, or the next run of the worker would archive it again at once; the
     * months without activity count afresh from this moment (which is itself in the history).
     */
    public void unarchive(Instant now) {
        if (archivedAt == null) {
            throw new DomainException("error.proposal.nothingToChange");
        }
        archivedAt = null;
        if (retentionArchiveOn != null && !retentionArchiveOn.isAfter(java.time.LocalDate.ofInstant(now,
                java.time.ZoneOffset.UTC))) {
            retentionArchiveOn = null;
            if (retentionIdleMonths == null) {
                retentionDeleteMonths = null;
            }
        }
    }

    public RetentionRule retention() {
        return new RetentionRule(retentionIdleMonths, retentionArchiveOn, retentionDeleteMonths);
    }

    public void setRetention(RetentionRule rule) {
        requireWritable();
        retentionIdleMonths = rule.archiveAfterIdleMonths();
        retentionArchiveOn = rule.archiveOn();
        retentionDeleteMonths = rule.deleteAfterMonths();
    }

    public void markDeleted(Instant when) {
        this.deletedAt = when;
    }

    public String language() {
        return language;
    }

    public DefaultRule defaultRule() {
        return defaultRule;
    }

    public boolean deleted() {
        return deletedAt != null;
    }

    public Side addSide(String sideName, String colour) {
        requireWritable();
        if (sides.size() >= MAX_SIDES) {
            throw new DomainException("error.side.tooMany", MAX_SIDES);
        }
        String checked = Side.checkName(sideName);
        requireUniqueName(checked, null);
        int position = sides.stream().mapToInt(Side::position).max().orElse(-1) + 1;
        Side side = new Side(this, checked, colour, position);
        sides.add(side);
        return side;
    }

    /** Checks a side could be added now, without adding it (for a proposal that waits). */
    public void checkNewSide(String sideName, String colour) {
        if (sides.size() >= MAX_SIDES) {
            throw new DomainException("error.side.tooMany", MAX_SIDES);
        }
        requireUniqueName(Side.checkName(sideName), null);
        Side.checkColour(colour);
    }

    /** Checks a side could be renamed now, without renaming it. */
    public void checkSideName(long sideId, String newName) {
        requireUniqueName(Side.checkName(newName), side(sideId));
    }

    /** Checks a side could be removed now, without removing it. */
    public void checkRemovable(long sideId, long memberCount) {
        Side side = side(sideId);
        if (memberCount > 0) {
            throw new DomainException("error.side.hasMembers", side.name(), memberCount);
        }
        if (sides.size() <= MIN_SIDES) {
            throw new DomainException("error.side.tooFew", MIN_SIDES);
        }
    }

    public void renameSide(long sideId, String newName) {
        requireWritable();
        Side side = side(sideId);
        String checked = Side.checkName(newName);
        requireUniqueName(checked, side);
        side.rename(checked);
    }

    public void recolourSide(long sideId, String colour) {
        requireWritable();
        side(sideId).recolour(colour);
    }

    /** @param memberCount how many members the side has now; the caller counts them */
    public Side removeSide(long sideId, long memberCount) {
        requireWritable();
        Side side = side(sideId);
        if (memberCount > 0) {
            throw new DomainException("error.side.hasMembers", side.name(), memberCount);
        }
        if (sides.size() <= MIN_SIDES) {
            throw new DomainException("error.side.tooFew", MIN_SIDES);
        }
        sides.remove(side);
        return side;
    }

    private void requireUniqueName(String candidate, @Nullable Side except) {
        String folded = candidate.toLowerCase(Locale.ROOT);
        boolean taken = sides.stream()
                .filter(s -> s != except)
                .anyMatch(s -> s.name().toLowerCase(Locale.ROOT).equals(folded));
        if (taken) {
            throw new DomainException("error.side.nameTaken", candidate);
        }
    }

    public Side side(long sideId) {
        return sides.stream().filter(s -> s.idOrNull() != null && s.id() == sideId).findFirst()
                .orElseThrow(NotFoundOrNoAccessException::new);
    }

    public long id() {
        if (id == null) {
            throw new IllegalStateException("not saved yet");
        }
        return id;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public boolean jointClosing() {
        return jointClosing;
    }

    public long createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public List<Side> sides() {
        return Collections.unmodifiableList(sides);
    }
}
