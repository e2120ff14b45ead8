package dk.ligevaerd.statement.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import dk.ligevaerd.shared.Messages;
import dk.ligevaerd.statement.EditorMark;
import dk.ligevaerd.statement.LiveSnapshot;
import dk.ligevaerd.statement.StatementPanel.Selection;
import dk.ligevaerd.statement.StatementPanel.SelectionAction;
import dk.ligevaerd.workspace.SideView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Objects;
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
            "unsaved.copy", "unsaved.copied", "unsaved.dismiss", "selection", "mark.comment", "mark.struck", "mark.added",
            "mark.outdated", "mark.open.comment", "mark.open.suggestion");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, SelectionAction> actions = new LinkedHashMap<>();
    private @Nullable String marksSent;
    private @Nullable MarkListener markListener;
    private @Nullable String actionsSent;

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
        getElement().addEventListener("passage-action", e -> {
            SelectionAction action = actions.get(e.getEventData().get("event.detail.action").asString());
            int version = e.getEventData().get("event.detail.version").asInt();
            int from = e.getEventData().get("event.detail.from").asInt();
            int to = e.getEventData().get("event.detail.to").asInt();
            String words = Objects.requireNonNullElse(e.getEventData().get("event.detail.words").asString(), "");
            if (action != null && from >= 0 && to > from && version >= 0) {
                action.act().accept(new Selection(version, from, to, words));
            }
        }).addEventData("event.detail.action").addEventData("event.detail.version").addEventData("event.detail.from")
                .addEventData("event.detail.to").addEventData("event.detail.words");
        getElement().addEventListener("mark-open", e -> onMark(e.getEventData()))
                .addEventData("event.detail.kind").addEventData("event.detail.id");
    }

    /** Hears of a mark chosen in the editor (clicked, or opened by its button beside the editor). */
    public interface MarkListener {

        /** {@code kind} is {@link EditorMark#COMMENT} or {@link EditorMark#SUGGESTION}. */
        void opened(String kind, long id);
    }

    /** Who hears of marks chosen in the editor; one listener. */
    public void setMarkListener(MarkListener listener) {
        this.markListener = listener;
    }

    private void onMark(tools.jackson.databind.JsonNode data) {
        MarkListener listener = markListener;
        String kind = data.path("event.detail.kind").asString("");
        long id = data.path("event.detail.id").asLong(-1);
        if (listener == null || id < 0 || !List.of(EditorMark.COMMENT, EditorMark.SUGGESTION).contains(kind)) {
            return;
        }
        listener.opened(kind, id);
    }

    /**
     * The passages other features mark (comment threads, suggested changes), each at the version its
     * positions are valid at; the element carries them to its own text. Sent only when it changed.
     */
    public void setMarks(List<EditorMark> marks, Map<Long, String> sideNames) {
        ArrayNode list = JSON.createArrayNode();
        for (EditorMark m : marks) {
            list.addObject().put("kind", m.kind()).put("id", m.id()).put("from", m.from()).put("to", m.to())
                    .put("version", m.version()).put("side", m.sideId()).put("text", m.newText())
                    .put("sideName", sideNames.getOrDefault(m.sideId(), ""));
        }
        String json = list.toString();
        if (!json.equals(marksSent)) {
            marksSent = json;
            getElement().setProperty("marks", json);
        }
    }

    /**
     * The actions offered on selected text, as buttons beside the editor that are enabled while
     * something is selected; a press hands the selection, at the version it was made on, to the action.
     */
    public void setSelectionActions(List<SelectionAction> offered, Locale locale) {
        actions.clear();
        ArrayNode list = JSON.createArrayNode();
        for (SelectionAction a : offered) {
            actions.put(a.name(), a);
            list.addObject().put("name", a.name()).put("label", Messages.get(locale, a.labelKey()));
        }
        if (!list.toString().equals(actionsSent)) {
            actionsSent = list.toString();
            getElement().setProperty("actions", actionsSent);
        }
    }

    /** Colours each stretch of the text by the side that wrote it. */
    public void setShowAuthorship(boolean show) {
        getElement().setAttribute("show-authorship", show);
    }
}
