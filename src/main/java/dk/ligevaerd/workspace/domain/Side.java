package dk.ligevaerd.workspace.domain;

import dk.ligevaerd.shared.DomainException;
import dk.ligevaerd.shared.Text;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** A stakeholder group. Sides weigh equally by definition, whatever their headcount. */
@Entity
@Table(name = "side")
public class Side {

    public static final int NAME_MAX_LENGTH = 40;
    /**
     * Colours that stay apart for the common forms of colour blindness and keep text contrast of
     * at least 4.5:1 on white, so a side's colour can carry its name.
     */
    public static final List<String> PALETTE = List.of(
            "#1A5FB4", "#B5400F", "#1E7A4C", "#8E3B8E", "#7A5C00", "#3D5A80", "#A51D2D", "#5E5C64");
    private static final Pattern COLOUR = Pattern.compile("#[0-9A-Fa-f]{6}");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "workspace_id")
    private @Nullable Workspace workspace;

    @Column(nullable = false, length = NAME_MAX_LENGTH)
    private String name;

    @Column(nullable = false, length = 7)
    private String colour;

    @Column(nullable = false)
    private int position;

    protected Side() {
        this.name = "";
        this.colour = PALETTE.getFirst();
    }

    Side(Workspace workspace, String name, String colour, int position) {
        this.workspace = workspace;
        this.name = checkName(name);
        this.colour = checkColour(colour);
        this.position = position;
    }

    static String checkName(String name) {
        return Text.required(name, NAME_MAX_LENGTH, "field.sideName");
    }

    static String checkColour(String colour) {
        if (!COLOUR.matcher(colour).matches()) {
            throw new DomainException("error.side.colour");
        }
        return colour.toUpperCase(java.util.Locale.ROOT);
    }

    void rename(String newName) {
        this.name = checkName(newName);
    }

    void recolour(String newColour) {
        this.colour = checkColour(newColour);
    }

    public long id() {
        if (id == null) {
            throw new IllegalStateException("not saved yet");
        }
        return id;
    }

    public @Nullable Long idOrNull() {
        return id;
    }

    public String name() {
        return name;
    }

    public String colour() {
        return colour;
    }

    public int position() {
        return position;
    }
}
