package dk.ligevaerd.deliberation.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import dk.ligevaerd.deliberation.CommentService;
import dk.ligevaerd.deliberation.CommentView;
import dk.ligevaerd.deliberation.ThreadView;
import dk.ligevaerd.deliberation.domain.Comment;
import dk.ligevaerd.shared.DomainException;
import dk.ligevaerd.shared.Messages;
import dk.ligevaerd.shared.ui.Formats;
import dk.ligevaerd.shared.ui.LengthLimit;
import dk.ligevaerd.shared.ui.Notices;
import dk.ligevaerd.shared.ui.SideBadge;
import dk.ligevaerd.workspace.SideView;
import dk.ligevaerd.workspace.WorkspaceDetails;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One thread: what it is about, its comments, and the reply field, which survives redraws. Shown in
 * the discussion tab and, for a passage of the statement, beside the editor.
 */
final class ThreadCard extends Div {

    /**
     * Where a card stands: the workspace, whether the viewer may write there (reply, resolve,
     * reopen), the workspace as last drawn (for the sides' colours), and what to do after each
     * drawing (e.g. show or hide the card by a filter).
     */
    record Host(CommentService comments, long workspaceId, BooleanSupplier mayComment,
            Supplier<@Nullable WorkspaceDetails> details, Consumer<ThreadCard> drawn) {

        Optional<SideView> side(@Nullable Long sideId) {
            WorkspaceDetails d = details.get();
            return d == null || sideId == null ? Optional.empty() : d.side(sideId);
        }
    }

    private final Host host;

    ThreadView view;
    private final Div head = new Div();
    private final Div entries = new Div();
    private final Div actions = new Div();
    private final TextArea reply = new TextArea();
    private final Span replyError = new Span();

    ThreadCard(ThreadView view, Host host) {
        this.view = view;
        this.host = host;
        addClassName("thread-card");
        // Inline, so that no stylesheet (and no frontend bundle) has to change: the thread is
        // edged in the colour of the side that started it, as its passage is.
        getStyle().set("border-left", "4px solid var(--side-colour, var(--lumo-contrast-30pct))")
                .set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                .set("margin", "var(--lumo-space-m) 0")
                .set("background", "var(--lumo-contrast-5pct)");
        getElement().setAttribute("data-thread", String.valueOf(view.id()));
        reply.setLabel(getTranslation("comment.replyLabel"));
        reply.setWidthFull();
        reply.addClassName("thread-reply");
        LengthLimit.counted(reply, Comment.BODY_MAX_LENGTH);
        replyError.addClassName("form-error");
        replyError.getElement().setAttribute("role", "alert");
        entries.addClassName("thread-comments");
        add(head, entries, reply, replyError, actions);
        update(view);
    }

    void update(ThreadView fresh) {
        this.view = fresh;
        getElement().setAttribute("data-resolved", String.valueOf(fresh.resolved()));
        head.removeAll();
        head.addClassName("thread-head");
        host.side(fresh.startedSideId()).ifPresent(s -> getStyle().set("--side-colour", s.colour()));
        Span kind = new Span(getTranslation(fresh.target().messageKey()));
        kind.addClassName("thread-kind");
        head.add(kind, new Span(" · "));
        if (fresh.passage() != null) {
            Span passage = new Span("“" + fresh.passage().wording() + "”");
            passage.addClassName("thread-passage");
            if (fresh.passage().removed()) {
                Span removed = new Span(getTranslation("comment.passageRemoved"));
                removed.getElement().getThemeList().add("badge contrast small");
                removed.addClassName("thread-removed");
                head.add(removed, new Span(" "));
                passage.addClassName("removed");
            }
            head.add(passage);
        } else {
            Span title = new Span(fresh.targetTitle());
            title.addClassName("thread-title");
            head.add(title);
        }
        if (fresh.resolved()) {
            Span resolved = new Span(getTranslation("comment.resolved"));
            resolved.getElement().getThemeList().add("badge success small");
            resolved.addClassName("thread-resolved");
            head.add(new Span(" "), resolved);
        }
        // Someone wrote @Name for this person: the thread is marked for them, and says why.
        setClassName("mentions-me", fresh.mentionsMe());
        if (fresh.mentionsMe()) {
            Span mentioned = new Span(getTranslation("comment.mentionsYou"));
            mentioned.getElement().getThemeList().add("badge primary small");
            mentioned.addClassName("thread-mentions-me");
            head.add(new Span(" "), mentioned);
        }
        entries.removeAll();
        for (CommentView c : fresh.comments()) {
            entries.add(entry(c));
        }
        boolean open = !fresh.resolved();
        boolean mayComment = host.mayComment().getAsBoolean();
        reply.setVisible(mayComment && open);
        actions.removeAll();
        actions.addClassName("thread-actions");
        if (mayComment && open) {
            Button send = new Button(getTranslation("comment.reply"), e -> {
                replyError.setText("");
                try {
                    host.comments().reply(host.workspaceId(), view.id(), reply.getValue());
                    reply.clear();
                } catch (DomainException refused) {
                    replyError.setText(Messages.get(getLocale(), refused));
                }
            });
            send.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
            send.addClassName("thread-send");
            actions.add(send);
        }
        if (mayComment) {
            Button toggle = new Button(getTranslation(open ? "comment.resolve" : "comment.reopen"), e -> act(() -> {
                if (view.resolved()) {
                    host.comments().reopen(host.workspaceId(), view.id());
                } else {
                    host.comments().resolve(host.workspaceId(), view.id());
                }
            }));
            toggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            toggle.addClassName(open ? "thread-resolve" : "thread-reopen");
            actions.add(toggle);
        }
        host.drawn().accept(this);
    }

    /** Puts the keyboard's focus on the card, so a screen reader reads it and Tab goes on into it. */
    void focusCard() {
        getElement().setAttribute("tabindex", "-1");
        getElement().callJsFunction("focus");
    }

    private void act(Runnable action) {
        try {
            action.run();
        } catch (DomainException refused) {
            Notices.error(getLocale(), refused);
        }
    }

    private Div entry(CommentView c) {
        Div entry = new Div();
        entry.addClassName("comment-entry");
        entry.setClassName("mentions-me", c.mentionsMe());
        entry.getElement().setAttribute("data-comment", String.valueOf(c.id()));
        Div meta = new Div();
        meta.addClassName("comment-meta");
        Span who = new Span(c.authorName());
        who.addClassName("comment-author");
        meta.add(who, new Span(" "));
        host.side(c.authorSideId()).ifPresent(s -> meta.add(new SideBadge(s.name(), s.colour()), new Span(" ")));
        Span when = new Span(Formats.dateTime(c.writtenAt(), getLocale()));
        when.addClassName("muted");
        meta.add(when);
        if (c.editedAt() != null && !c.deleted()) {
            Span edited = new Span(" " + getTranslation("comment.edited"));
            edited.addClassName("muted");
            meta.add(edited);
        }
        entry.add(meta);
        if (c.deleted()) {
            Paragraph gone = new Paragraph(getTranslation("comment.deletedMarker"));
            gone.addClassNames("muted", "comment-deleted");
            entry.add(gone);
            return entry;
        }
        // Plain text: set as text, so nothing a member writes is ever read as HTML.
        Paragraph text = new Paragraph(c.body() == null ? "" : c.body());
        text.addClassName("comment-body");
        text.getStyle().set("white-space", "pre-wrap");
        entry.add(text);
        if (c.mine()) {
            Button edit = new Button(getTranslation("comment.edit"), e -> editInPlace(entry, text, c));
            edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
            edit.addClassName("comment-edit");
            Button delete = new Button(getTranslation("comment.delete"), e -> confirmDelete(c));
            delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL,
                    ButtonVariant.LUMO_ERROR);
            delete.addClassName("comment-delete");
            Div own = new Div(edit, new Span(" "), delete);
            own.addClassName("comment-own");
            entry.add(own);
        }
        return entry;
    }

    private void editInPlace(Div entry, Paragraph text, CommentView c) {
        TextArea field = new TextArea(getTranslation("field.comment"));
        field.setWidthFull();
        LengthLimit.counted(field, Comment.BODY_MAX_LENGTH);
        field.setValue(c.body() == null ? "" : c.body());
        Span error = new Span();
        error.addClassName("form-error");
        error.getElement().setAttribute("role", "alert");
        Button save = new Button(getTranslation("comment.save"), e -> {
            try {
                host.comments().edit(host.workspaceId(), c.id(), field.getValue());
            } catch (DomainException refused) {
                error.setText(Messages.get(getLocale(), refused));
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        Button cancel = new Button(getTranslation("comment.cancel"), e -> update(view));
        cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        List<Component> keep = new ArrayList<>(entry.getChildren().toList());
        keep.stream().filter(child -> child != keep.getFirst()).forEach(entry::remove);
        entry.add(field, error, new Div(save, cancel));
        field.focus();
    }

    private void confirmDelete(CommentView c) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setHeader(getTranslation("comment.deleteTitle"));
        dialog.setText(getTranslation("comment.deleteText"));
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("comment.cancel"));
        dialog.setConfirmText(getTranslation("comment.delete"));
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(e -> act(() -> host.comments().delete(host.workspaceId(), c.id())));
        dialog.open();
    }
}
