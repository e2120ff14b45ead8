package dk.ligevaerd.notify.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import dk.ligevaerd.mail.QueuedMail;
import dk.ligevaerd.notify.NotificationKind;
import dk.ligevaerd.notify.OutboxService;
import dk.ligevaerd.notify.OutboxService.OutboxSummary;
import dk.ligevaerd.shared.NotFoundOrNoAccessException;
import dk.ligevaerd.shared.WorkspaceEvent;
import dk.ligevaerd.shared.ui.Formats;
import dk.ligevaerd.workspace.Member;
import dk.ligevaerd.workspace.WorkspaceDetails;
import dk.ligevaerd.workspace.WorkspaceTab;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The workspace's mail that has not gone out, for its owner and moderators: above all, with no mail
 * server set, the mails kept until one is. A mail's text is shown as plain text (never as HTML) with
 * the secret part of its links hidden.
 */
class OutboxTab extends Div implements WorkspaceTab {

    private final OutboxService outbox;
    private final long workspaceId;
    private final Paragraph status = new Paragraph();
    private final Paragraph count = new Paragraph();
    private final Grid<QueuedMail> grid = new Grid<>();
    private final H3 textHeading = new H3();
    private final Pre text = new Pre();
    private @Nullable QueuedMail open;

    OutboxTab(OutboxService outbox, long workspaceId) {
        this.outbox = outbox;
        this.workspaceId = workspaceId;
        setId("outbox-tab");
        status.setId("outbox-status");
        count.setId("outbox-count");
        grid.setId("outbox-grid");
        text.setId("outbox-text");
        textHeading.setId("outbox-text-heading");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setPageSize(50);
        grid.setAllRowsVisible(false);
        grid.setHeight("24rem");
        grid.addColumn(QueuedMail::recipient).setHeader(getTranslation("outbox.recipient")).setAutoWidth(true);
        grid.addColumn(QueuedMail::subject).setHeader(getTranslation("outbox.subject")).setFlexGrow(2);
        grid.addColumn(m -> kind(m.kind())).setHeader(getTranslation("outbox.kind")).setAutoWidth(true);
        grid.addColumn(m -> Formats.dateTime(m.createdAt(), getLocale())).setHeader(getTranslation("outbox.created"))
                .setAutoWidth(true);
        grid.addColumn(QueuedMail::attempts).setHeader(getTranslation("outbox.attempts")).setAutoWidth(true);
        grid.addColumn(this::state).setHeader(getTranslation("outbox.state")).setAutoWidth(true);
        grid.setItems(query -> outbox.unsent(workspaceId, query.getOffset(), query.getLimit()).stream(),
                query -> outbox.summary(workspaceId).unsent());
        // A refreshed list may drop the selection; the mail being read stays open until another is chosen.
        grid.asSingleSelect().addValueChangeListener(e -> {
            if (e.getValue() != null) {
                read(e.getValue());
            }
        });
        text.getStyle().set("white-space", "pre-wrap").set("overflow-wrap", "anywhere");
        Paragraph hint = new Paragraph(getTranslation("outbox.hint"));
        hint.addClassName("muted");
        textHeading.setVisible(false);
        text.setVisible(false);
        add(status, count, grid, hint, textHeading, text);
    }

    @Override
    public Component component() {
        return this;
    }

    /** Mail is queued by what happens anywhere in the workspace (an invitation, a round opening or closing). */
    @Override
    public boolean concerns(WorkspaceEvent event) {
        return true;
    }

    /** The count and the list read again; the mail being read stays open (or says it has been sent). */
    @Override
    public void show(WorkspaceDetails details) {
        grid.getDataProvider().refreshAll();
        OutboxSummary summary = outbox.summary(workspaceId);
        status.setText(getTranslation(summary.delivering() ? "outbox.delivering" : "outbox.noServer"));
        count.setText(getTranslation("outbox.count", summary.unsent()));
        grid.setVisible(summary.unsent() > 0);
        read(open);
    }

    private void read(@Nullable QueuedMail mail) {
        open = mail;
        textHeading.setVisible(mail != null);
        text.setVisible(mail != null);
        if (mail == null) {
            text.setText("");
            return;
        }
        textHeading.setText(getTranslation("outbox.text", mail.recipient()));
        String body;
        try {
            body = outbox.text(workspaceId, mail.id());
        } catch (NotFoundOrNoAccessException sentMeanwhile) {
            body = getTranslation("outbox.gone");
        }
        if (mail.lastError() != null) {
            body = body + "\n—\n" + getTranslation("outbox.lastError", mail.lastError());
        }
        text.setText(body);
    }

    private String kind(@Nullable String kind) {
        if (kind == null) {
            return "";
        }
        if ("INVITATION".equals(kind)) {
            return getTranslation("outbox.kind.invitation");
        }
        return Arrays.stream(NotificationKind.values()).filter(k -> k.name().equals(kind)).findFirst()
                .map(k -> getTranslation(k.messageKey())).orElse(kind);
    }

    private String state(QueuedMail mail) {
        String state = getTranslation(mail.state().messageKey());
        return mail.nextAttemptAt() == null || mail.state() == QueuedMail.State.WAITING ? state
                : state + " · " + getTranslation("outbox.next", Formats.dateTime(mail.nextAttemptAt(), getLocale()));
    }

    /** The tab, for the owner and every side's moderator (as the invitations are). */
    @org.springframework.stereotype.Component
    static class Provider implements WorkspaceTab.Provider {

        private final OutboxService outbox;

        Provider(OutboxService outbox) {
            this.outbox = outbox;
        }

        @Override
        public int order() {
            return 950;
        }

        @Override
        public String titleKey() {
            return "workspace.tab.outbox";
        }

        @Override
        public boolean visibleTo(Member member) {
            return member.owner() || member.isModerator();
        }

        @Override
        public WorkspaceTab create(long workspaceId) {
            return new OutboxTab(outbox, workspaceId);
        }
    }
}
