package dk.ligevaerd.statement.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import dk.ligevaerd.shared.Messages;
import dk.ligevaerd.statement.LiveSnapshot;
import dk.ligevaerd.workspace.SideView;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The live editor of the purpose statement: a client-side element ({@code frontend/statement-editor.ts},
 * CodeMirror 6 with {@code @codemirror/collab}) that talks to the server over its own WebSocket
 * ({@code /collab/{workspaceId}}), not through Vaadin. This component only hands it its starting
 * point: the text at a version, who wrote what, the sides and the texts it shows.
 */
@Tag("ligevaerd-statement-editor")
@JsModule("./statement-editor.ts")
@NpmPackage(value = "@codemirror/state", version = "6.7.6")
@NpmPackage(value = "@codemirror/view", version = "6.43.15")
@NpmPackage(value = "@codemirror/collab", version = "6.1.1")
@NpmPackage(value = "@codemirror/commands", version = "6.11.1")
public class StatementEditor extends Component {

    /** The texts the element shows, by the name it uses; each is {@code statement.editor.<name>}. */
    static final List<String> TEXTS = List.of("label", "peers", "readOnly", "observer", "saved", "pending",
            "status.connecting", "status.connected", "status.reconnecting", "status.offline", "unsaved.label",
            "unsaved.copy", "unsaved.copied", "unsaved.dismiss");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public StatementEditor(LiveSnapshot start, List<SideView> sides, @Nullable Long mySideId, Locale locale) {
        getElement().setProperty("workspace", start.workspaceId());
        getElement().setProperty("version", start.version());
        getElement().setProperty("text", start.text());
        getElement().setProperty("editable", start.canEdit());
        getElement().setProperty("language", Messages.supported(locale).getLanguage());
        if (mySideId != null) {
            getElement().setProperty("mySide", mySideId);
        }
        ArrayNode spans = JSON.createArrayNode();
        start.authorship().forEach(s -> spans.addArray().add(s.to() - s.from()).add(s.sideId()));
        getElement().setProperty("authorship", spans.toString());
        ObjectNode sideMap = JSON.createObjectNode();
        sides.forEach(s -> sideMap.putObject(String.valueOf(s.id())).put("name", s.name()).put("colour", s.colour()));
        getElement().setProperty("sides", sideMap.toString());
        ObjectNode texts = JSON.createObjectNode();
        TEXTS.forEach(key -> texts.put(key, Messages.get(locale, "statement.editor." + key)));
        getElement().setProperty("i18n", texts.toString());
        setId("statement-editor");
    }

    /** Colours each stretch of the text by the side that wrote it. */
    public void setShowAuthorship(boolean show) {
        getElement().setAttribute("show-authorship", show);
    }
}
