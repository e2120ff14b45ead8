package dk.ligevaerd.deliberation.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dk.ligevaerd.deliberation.CommentService;
import dk.ligevaerd.deliberation.CommentView;
import dk.ligevaerd.deliberation.DeliberationEvents;
import dk.ligevaerd.deliberation.TargetKind;
import dk.ligevaerd.deliberation.ThreadView;
import dk.ligevaerd.deliberation.domain.Comment;
import dk.ligevaerd.priority.PriorityService;
import dk.ligevaerd.priority.PriorityView;
import dk.ligevaerd.round.RoundService;
import dk.ligevaerd.round.RoundState;
import dk.ligevaerd.shared.DomainException;
import dk.ligevaerd.shared.Messages;
import dk.ligevaerd.shared.NotFoundOrNoAccessException;
import dk.ligevaerd.shared.WorkspaceEvent;
import dk.ligevaerd.shared.ui.Formats;
import dk.ligevaerd.shared.ui.LengthLimit;
import dk.ligevaerd.shared.ui.SideBadge;
import dk.ligevaerd.statement.CollabService;
import dk.ligevaerd.statement.LiveSnapshot;
import dk.ligevaerd.workspace.WorkspaceDetails;
import dk.ligevaerd.workspace.WorkspaceTab;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The workspace's discussion: every comment thread, on a passage of the purpose statement, a
 * priority, a round or a record. Start a thread, reply, resolve and reopen, edit or delete your own
 * comment. Live: a new thread is added and a changed thread is redrawn where it stands, keeping
 * whatever someone was typing in its reply field. Comments are plain text, shown as text.
 */
class DiscussionTab extends Div implements WorkspaceTab {

    enum Show { OPEN, RESOLVED, ALL }

    /** An item of the "which one" list: a priority, a round or a closed round's record. */
    record Item(long id, String title) {
    }

    private final CommentService comments;
    private final CollabService collab;
    private final PriorityService priorities;
    private final RoundService rounds;
    private final long workspaceId;
    private final ThreadCard.Host host;

    private final Div form = new Div();
    private final Select<TargetKind> about = new Select<>();
    private final Select<Item> item = new Select<>();
    private final TextField quote = new TextField();
    private final TextArea body = new TextArea();
    private final Span formError = new Span();
    private final Select<Show> show = new Select<>();
    /** Whether observers may comment: a rule every side agreed to, shown to everyone, changed only in Settings. */
    private final Paragraph observers = new Paragraph();
    private final Div list = new Div();
    private final Map<Long, ThreadCard> cards = new LinkedHashMap<>();
    private @Nullable WorkspaceDetails details;
    private boolean mayComment;
    /** The thread the address names ({@code ?thread=7}, from a history line): shown, marked and in view. */
    private @Nullable Long linked;
    /** What the address asks to comment on ({@code ?on=priority&item=12}, from a priority or round). */
    private @Nullable TargetKind preselectedKind;
    private @Nullable Long preselectedItem;

    DiscussionTab(CommentService comments, CollabService collab, PriorityService priorities, RoundService rounds,
            long workspaceId) {
        this.comments = comments;
        this.collab = collab;
        this.priorities = priorities;
        this.rounds = rounds;
        this.workspaceId = workspaceId;
        // A thread drawn afresh keeps to the filter chosen.
        this.host = new ThreadCard.Host(comments, workspaceId, () -> mayComment, () -> details,
                card -> card.setVisible(shown(card.view)));
        setId("discussion-tab");
        addClassName("discussion-tab");
        Paragraph intro = new Paragraph(getTranslation("comment.intro"));
        intro.addClassName("muted");

        about.setLabel(getTranslation("comment.on"));
        about.setItems(TargetKind.values());
        about.setItemLabelGenerator(k -> getTranslation(k.messageKey()));
        about.setValue(TargetKind.STATEMENT);
        about.setId("comment-about");
        about.addValueChangeListener(e -> chooseTarget());
        item.setLabel(getTranslation("comment.item"));
        item.setItemLabelGenerator(Item::title);
        item.setId("comment-item");
        quote.setLabel(getTranslation("comment.quote"));
        quote.setHelperText(getTranslation("comment.quoteHelp"));
        quote.setId("comment-quote");
        quote.setWidthFull();
        body.setLabel(getTranslation("field.comment"));
        body.setId("comment-body");
        body.setWidthFull();
        LengthLimit.counted(body, Comment.BODY_MAX_LENGTH);
        formError.addClassName("form-error");
        formError.setId("comment-error");
        formError.getElement().setAttribute("role", "alert");
        Button start = new Button(getTranslation("comment.start"), e -> start());
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.setId("comment-start");
        H3 heading = new H3(getTranslation("comment.new"));
        form.addClassName("comment-form");
        form.add(heading, about, item, quote, body, formError, start);

        show.setLabel(getTranslation("comment.show"));
        show.setItems(Show.values());
        show.setItemLabelGenerator(s -> getTranslation("comment.show." + s.name().toLowerCase(java.util.Locale.ROOT)));
        show.setValue(Show.OPEN);
        show.setId("comment-show");
        show.addValueChangeListener(e -> filter());

        observers.setId("comment-observers");
        observers.addClassName("muted");
        list.setId("thread-list");
        list.addClassName("thread-list");
        add(intro, observers, form, show, list);
    }

    @Override
    public Component component() {
        return this;
    }

    @Override
    public boolean concerns(WorkspaceEvent event) {
        return DeliberationEvents.isDeliberationEvent(event);
    }

    /**
     * {@code ?thread=7} shows thread 7 (resolved or not), marked and in view; {@code ?on=priority&item=12}
     * (or {@code round}, {@code record}) opens the form on that item, so the priorities and rounds
     * can lead here without depending on this feature.
     */
    @Override
    public List<String> accept(WorkspaceDetails d, Map<String, List<String>> parameters) {
        dk.ligevaerd.shared.ui.AddressReader address = new dk.ligevaerd.shared.ui.AddressReader(parameters);
        java.util.Set<Long> known = comments.threads(workspaceId).stream().map(ThreadView::id)
                .collect(java.util.stream.Collectors.toSet());
        linked = address.id("thread", known::contains);
        String on = address.text("on", v -> List.of("priority", "round", "record").contains(v));
        TargetKind kind = on == null ? null : TargetKind.valueOf(on.toUpperCase(java.util.Locale.ROOT));
        preselectedKind = kind;
        // Only an item the form can offer: anything else is named as ignored rather than
        // silently replaced by the first item of the list.
        preselectedItem = kind == null ? null
                : address.id("item", id -> items(kind).stream().anyMatch(i -> i.id() == id));
        return address.ignored();
    }

    @Override
    public Map<String, String> parameters() {
        return linked == null ? Map.of() : Map.of("thread", String.valueOf(linked));
    }

    @Override
    public void show(WorkspaceDetails d) {
        this.details = d;
        mayComment = comments.mayComment(workspaceId);
        // The rule changes only by an adopted proposal, a workspace event that draws the whole page,
        // and so this tab, afresh.
        observers.setText(getTranslation(d.observersMayComment() ? "comment.observers.allowed"
                : "comment.observers.notAllowed"));
        form.setVisible(mayComment);
        chooseTarget();
        list.removeAll();
        cards.clear();
        for (ThreadView t : comments.threads(workspaceId)) {
            ThreadCard card = new ThreadCard(t, host);
            cards.put(t.id(), card);
            list.add(card);
        }
        if (preselectedKind != null && form.isVisible()) {
            about.setValue(preselectedKind);
            chooseTarget();
            Long wanted = preselectedItem;
            item.getListDataView().getItems().filter(i -> wanted != null && i.id() == wanted).findFirst()
                    .ifPresent(item::setValue);
            preselectedKind = null;
            body.focus();
        }
        ThreadCard marked = linked == null ? null : cards.get(linked);
        if (marked != null && marked.view.resolved()) {
            show.setValue(Show.ALL);
        }
        filter();
        cards.values().forEach(card -> {
            card.removeClassName("linked-item");
            card.getElement().removeAttribute("aria-current");
        });
        if (marked != null) {
            marked.addClassName("linked-item");
            // Said to screen readers too, not only shown: this is the thread the link was for.
            marked.getElement().setAttribute("aria-current", "true");
            marked.scrollIntoView();
        }
    }

    /** Redraws only the threads the events name, adding new ones at the end. */
    @Override
    public void changed(WorkspaceDetails d, List<WorkspaceEvent> events) {
        if (details == null) {
            show(d);
            return;
        }
        this.details = d;
        for (long threadId : events.stream().map(WorkspaceEvent::firstId).filter(id -> id >= 0).distinct().toList()) {
            ThreadView t;
            try {
                t = comments.thread(workspaceId, threadId);
            } catch (NotFoundOrNoAccessException gone) {
                continue;
            }
            ThreadCard card = cards.get(threadId);
            if (card == null) {
                card = new ThreadCard(t, host);
                cards.put(threadId, card);
                list.add(card);
            } else {
                card.update(t);
            }
        }
        filter();
    }

    private void filter() {
        boolean any = false;
        for (ThreadCard card : cards.values()) {
            boolean visible = shown(card.view);
            card.setVisible(visible);
            any |= visible;
        }
        list.getChildren().filter(c -> c.hasClassName("thread-empty")).toList().forEach(list::remove);
        if (!any) {
            Paragraph empty = new Paragraph(getTranslation("comment.empty"));
            empty.addClassNames("muted", "thread-empty");
            list.addComponentAsFirst(empty);
        }
    }

    private void chooseTarget() {
        TargetKind kind = about.getValue() == null ? TargetKind.STATEMENT : about.getValue();
        quote.setVisible(kind == TargetKind.STATEMENT);
        item.setVisible(kind != TargetKind.STATEMENT);
        if (kind == TargetKind.STATEMENT || !form.isVisible()) {
            return;
        }
        List<Item> items = items(kind);
        item.setItems(items);
        if (!items.isEmpty()) {
            item.setValue(items.getFirst());
        }
    }

    /** What can be commented on of this kind; a record is named by its round's id. */
    private List<Item> items(TargetKind kind) {
        return switch (kind) {
            case PRIORITY -> priorities.list(workspaceId).stream().filter(PriorityView::open)
                    .map(p -> new Item(p.id(), p.title())).toList();
            case ROUND -> rounds.list(workspaceId).stream().map(r -> new Item(r.id(), r.title())).toList();
            case RECORD -> rounds.list(workspaceId).stream().filter(r -> r.state() == RoundState.CLOSED)
                    .map(r -> new Item(r.id(), r.title())).toList();
            case STATEMENT -> List.of();
        };
    }

    private void start() {
        formError.setText("");
        TargetKind kind = about.getValue() == null ? TargetKind.STATEMENT : about.getValue();
        try {
            if (kind == TargetKind.STATEMENT) {
                // The words are looked up in the text as it stands now, at the version read with it.
                LiveSnapshot now = collab.snapshot(workspaceId);
                String words = quote.getValue() == null ? "" : quote.getValue().strip();
                int at = words.isEmpty() ? -1 : now.text().indexOf(words);
                if (words.isEmpty()) {
                    throw new DomainException("error.comment.passageEmpty");
                }
                if (at < 0) {
                    throw new DomainException("error.comment.passageNotFound");
                }
                comments.startOnPassage(workspaceId, now.version(), at, at + words.length(), body.getValue());
            } else {
                Item chosen = item.getValue();
                if (chosen == null) {
                    throw new DomainException("error.comment.passageEmpty");
                }
                comments.startOn(workspaceId, kind, chosen.id(), body.getValue());
            }
            body.clear();
            quote.clear();
        } catch (DomainException refused) {
            formError.setText(Messages.get(getLocale(), refused));
        }
    }

    /** Whether the filter chosen shows the thread. */
    private boolean shown(ThreadView thread) {
        Show which = show.getValue() == null ? Show.OPEN : show.getValue();
        return which == Show.ALL || (which == Show.RESOLVED) == thread.resolved();
    }
}
