package dk.ligevaerd.statement.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * A workspace's purpose statement: the current text and how many accepted changes made it. The
 * changes themselves are kept one by one in {@code statement_change}.
 */
@Entity
@Table(name = "statement")
public class Statement {

    public static final int TEXT_MAX_LENGTH = 20_000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(name = "workspace_id", nullable = false, unique = true)
    private long workspaceId;

    @Column(name = "text", nullable = false, length = TEXT_MAX_LENGTH)
    private String text;

    /** The number of accepted changes; the next change must claim exactly this version. */
    @Column(name = "version", nullable = false)
    private int version;

    protected Statement() {
        this.text = "";
    }

    public Statement(long workspaceId) {
        this.workspaceId = workspaceId;
        this.text = "";
    }

    public long id() {
        if (id == null) {
            throw new IllegalStateException("not saved yet");
        }
        return id;
    }

    public long workspaceId() {
        return workspaceId;
    }

    public String text() {
        return text;
    }

    public int version() {
        return version;
    }

    /** Records that a change was accepted, bringing the text to {@code newText}. */
    public void advance(String newText, int newVersion) {
        if (newVersion != version + 1) {
            throw new IllegalStateException("versions advance one at a time");
        }
        this.text = newText;
        this.version = newVersion;
    }

    /**
     * Records that the changes from {@code fromVersion} to {@code newVersion} were accepted, bringing
     * the text to {@code newText}; refuses unless this statement is still at {@code fromVersion}, so
     * a writer that read an old version cannot skip or repeat one.
     */
    public void advance(String newText, int fromVersion, int newVersion) {
        if (fromVersion != version || newVersion <= version) {
            throw new IllegalStateException(
                    "the statement is at version " + version + ", not " + fromVersion + " before " + newVersion);
        }
        this.text = newText;
        this.version = newVersion;
    }
}
