package dk.ligevaerd.workspace.ui;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.NativeDetails;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.page.ExtendedClientDetails;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import dk.ligevaerd.shared.LiveEventBus;
import dk.ligevaerd.shared.NotFoundOrNoAccessException;
import dk.ligevaerd.shared.RemoteChange;
import dk.ligevaerd.shared.WorkspaceEvent;
import dk.ligevaerd.shared.ui.Formats;
import dk.ligevaerd.shared.ui.Notices;
import dk.ligevaerd.shared.ui.PushWatch;
import dk.ligevaerd.shared.ui.SideBadge;
import dk.ligevaerd.workspace.GovernanceService;
import dk.ligevaerd.workspace.InvitationService;
import dk.ligevaerd.workspace.InvitationStatus;
import dk.ligevaerd.workspace.InvitationView;
import dk.ligevaerd.workspace.Role;
import dk.ligevaerd.workspace.SideView;
import dk.ligevaerd.workspace.PresenceService;
import dk.ligevaerd.workspace.WorkspaceDetails;
import dk.ligevaerd.workspace.WorkspaceEvents;
import dk.ligevaerd.workspace.WorkspaceEvents.PresenceChanged;
import dk.ligevaerd.workspace.WorkspaceService;
import dk.ligevaerd.workspace.WorkspaceTab;
import jakarta.annotation.security.PermitAll;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One workspace: who is in it and who is here now, grouped by side. The owner also manages sides,
 * members and invitations here. Every open copy follows changes live.
 *
 * <p>Each tab has its own address ({@code /workspace/5/history?area=round}), kept in the address
 * bar as the person moves between tabs and filters, so any view can be bookmarked or shared.
 * Parts of an address that cannot be used are ignored with a message, never an error page.
 */
@Route("workspace/:workspaceId/:section?")
@PermitAll
public class WorkspaceView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private static final Logger log = LoggerFactory.getLogger(WorkspaceView.class);
    /** How long the bus waits for a page to take events in before it hands over the next ones. */
    private static final Duration DELIVERY_WAIT = Duration.ofSeconds(10);
    /** The workspace's own events, presence apart: each changes the page's frame. */
    private static final Set<String> FRAME_KINDS = Arrays.stream(WorkspaceEvents.class.getDeclaredClasses())
            .filter(WorkspaceEvent.class::isAssignableFrom).filter(c -> c != PresenceChanged.class)
            .map(Class::getSimpleName).collect(Collectors.toUnmodifiableSet());

    private final WorkspaceService workspaces;
    private final InvitationService invitations;
    private final PresenceService presence;
    private final List<WorkspaceTab.Provider> tabProviders;
    private final LiveEventBus bus;
    private final PageHideBeacon beacon;

    /** Up to this window width (CSS pixels, as the style sheet's phone rules) the header is folded. */
    static final int PHONE_WIDTH = 600;

    private long workspaceId;
    private @Nullable WorkspaceDetails details;
    private final GovernanceService governance;
    private final H1 title = new H1();
    private final Paragraph description = new Paragraph();
    private final Div me = new Div();
    private final OnlinePanel online = new OnlinePanel();
    private final StartChecklist start = new StartChecklist(this::inviteFirstModerator, this::openTab);
    /**
     * The description, one's own place and who is here, behind a disclosure that is open on a
     * wide screen (where its summary line is hidden) and closed on a phone, so that the tabs start
     * on the first screen.
     */
    private final NativeDetails about = new NativeDetails();
    private final Span aboutSummary = new Span();
    /** Says the workspace is archived and read-only; a status region, so the change is announced. */
    private final Div archived = new Div();
    private TabSheet tabs = new TabSheet();
    private @Nullable PeoplePanel people;
    private @Nullable SidesPanel sides;
    private @Nullable InvitationsPanel invitationsPanel;
    private @Nullable SettingsPanel settings;
    /** Other features' tabs by their tab, each made when first needed; only the selected one is kept current (see show). */
    private final Map<Tab, LazyTab> contributed = new LinkedHashMap<>();
    private final Set<WorkspaceTab> stale = new HashSet<>();
    /**
     * The workspace's own panels (people, sides, invitations, settings) by their tab, each drawn
     * only while its tab is in view, and on selection when something changed meanwhile: a page
     * open on the rounds holds no drawn member lists, links or proposals.
     */
    private final Map<Tab, OwnPanel> ownPanels = new LinkedHashMap<>();
    private final Set<Tab> staleOwn = new HashSet<>();

    /**
     * How an own panel is drawn, and how it lets go of what it drew, for the panels that draw afresh
     * every time (people, sides; none for the forms of invitations and settings): out of view they
     * hold nothing, so a page open on the rounds does not keep a member list of a hundred rows in the
     * server's memory for every person in the room.
     */
    private record OwnPanel(Consumer<WorkspaceDetails> draw, @Nullable Runnable release) {
    }
    /** News that came to tabs not in view (new comments), per tab, until the tab is selected. */
    private final Map<Tab, Integer> unread = new HashMap<>();
    /** Every tab by its part of the address, the workspace's own tabs included. */
    private final Map<String, Tab> bySlug = new LinkedHashMap<>();
    /** While the router is entering this view, the address is the router's to write. */
    private boolean entering;
    private final List<Runnable> onDetach = new ArrayList<>();
    private PresenceService.@Nullable Visit visit;
    private int updates;

    public WorkspaceView(WorkspaceService workspaces, InvitationService invitations, GovernanceService governance,
            PresenceService presence, List<WorkspaceTab.Provider> tabProviders, LiveEventBus bus,
            PageHideBeacon beacon) {
        this.workspaces = workspaces;
        this.governance = governance;
        this.invitations = invitations;
        this.presence = presence;
        this.tabProviders = tabProviders.stream().sorted(Comparator.comparingInt(WorkspaceTab.Provider::order)).toList();
        this.bus = bus;
        this.beacon = beacon;
        addClassName("page");
        setId("workspace-view");
        title.setId("workspace-title");
        description.addClassName("muted");
        me.addClassName("my-place");
        about.setId("workspace-about");
        about.addClassName("workspace-about");
        about.setSummary(aboutSummary);
        aboutSummary.setId("workspace-about-summary");
        Div aboutContent = new Div(description, me, online);
        aboutContent.addClassName("workspace-about-content");
        about.setContent(aboutContent);
        about.setOpen(true);
        archived.setId("workspace-archived");
        archived.getElement().setAttribute("role", "status");
        archived.getStyle().set("border-left", "5px solid var(--lumo-contrast-60pct)")
                .set("background", "var(--lumo-contrast-5pct)")
                .set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                .set("margin", "var(--lumo-space-s) 0");
        add(title, archived, about, start, tabs);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id;
        try {
            id = Long.parseLong(event.getRouteParameters().get("workspaceId").orElse(""));
        } catch (NumberFormatException e) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        String section = event.getRouteParameters().get("section").orElse(null);
        Map<String, List<String>> query = event.getLocation().getQueryParameters().getParameters();
        entering = true;
        try {
            if (details != null && id == workspaceId) {
                // A link within the same workspace (say from the history to a comparison): keep
                // the page and its live connection, only go to the tab asked for.
                open(section, query);
                return;
            }
            enter(event, id, section, query);
        } finally {
            entering = false;
        }
    }

    private void enter(BeforeEnterEvent event, long id, @Nullable String section, Map<String, List<String>> query) {
        // Vaadin reuses this view when moving from one workspace to another: start afresh.
        boolean wasLive = !onDetach.isEmpty();
        leave();
        TabSheet fresh = new TabSheet();
        fresh.setWidthFull();
        replace(tabs, fresh);
        tabs = fresh;
        contributed.clear();
        stale.clear();
        ownPanels.clear();
        staleOwn.clear();
        unread.clear();
        bySlug.clear();
        details = null;
        try {
            workspaceId = id;
            details = workspaces.details(workspaceId);
        } catch (NotFoundOrNoAccessException e) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        // Folded from the first drawing on a phone, so the header never shows open and then folds.
        about.setOpen(!phoneWidth(event.getUI()));
        build(details);
        open(section, query);
        releaseHidden(fresh.getSelectedTab());
        fresh.addSelectedChangeListener(e -> {
            catchUp(e.getSelectedTab());
            writeAddress();
        });
        if (wasLive) {
            getUI().ifPresent(this::goLive);
        }
    }

    /** Selects the tab the address names and hands it the address's parameters. */
    private void open(@Nullable String section, Map<String, List<String>> query) {
        List<String> ignored = new ArrayList<>();
        Tab target = section == null ? tabs.getTabAt(0) : bySlug.get(section);
        if (target == null) {
            ignored.add(section);
            target = tabs.getTabAt(0);
        }
        WorkspaceTab content = contributed.get(target);
        if (content != null && details != null) {
            ignored.addAll(content.accept(details, query));
        } else {
            ignored.addAll(query.keySet());
        }
        // Marked stale so that it is drawn once with its new parameters: by the selection listener
        // when the selection changes, or here when it was selected already.
        if (content != null) {
            stale.add(content);
        }
        if (!target.equals(tabs.getSelectedTab())) {
            tabs.setSelectedTab(target);
        }
        if (content != null && details != null && stale.remove(content)) {
            content.show(details);
        }
        if (!ignored.isEmpty()) {
            Notification n = Notification.show(getTranslation("workspace.address.ignored", String.join(", ", ignored)),
                    6000, Notification.Position.BOTTOM_START);
            n.addThemeVariants(NotificationVariant.LUMO_WARNING);
            n.addClassName("address-ignored");
        }
    }

    /** Puts the selected tab and its state in the address bar, without a reload or a new history entry. */
    private void writeAddress() {
        if (entering) {
            return;
        }
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null, address()));
    }

    /** The address of what is in view: the workspace, the selected tab and its parameters. */
    Location address() {
        Tab selected = tabs.getSelectedTab();
        String slug = bySlug.entrySet().stream().filter(e -> e.getValue().equals(selected)).map(Map.Entry::getKey)
                .findFirst().orElse(null);
        String path = "workspace/" + workspaceId + (slug == null || selected.equals(tabs.getTabAt(0)) ? "" : "/" + slug);
        WorkspaceTab content = selected == null ? null : contributed.get(selected);
        Map<String, String> parameters = content == null ? Map.of() : content.parameters();
        return new Location(path, QueryParameters.simple(parameters));
    }

    private void build(WorkspaceDetails d) {
        PeoplePanel peoplePanel = new PeoplePanel(workspaces, governance, workspaceId);
        people = peoplePanel;
        own("people", tabs.add(getTranslation("workspace.tab.people"), peoplePanel),
                new OwnPanel(d2 -> peoplePanel.show(d2, online()), peoplePanel::removeAll));
        for (WorkspaceTab.Provider provider : tabProviders) {
            if (provider.visibleTo(d.me())) {
                Tab[] added = new Tab[1];
                LazyTab tab = new LazyTab(provider, workspaceId, made ->
                        ComponentUtil.addListener(made.component(), WorkspaceTab.AddressChanged.class, e -> {
                            if (added[0].equals(tabs.getSelectedTab())) {
                                writeAddress();
                            }
                        }));
                added[0] = tabs.add(getTranslation(provider.titleKey()), tab.component());
                contributed.put(added[0], tab);
                added[0].setId("tab-" + provider.titleKey().substring(provider.titleKey().lastIndexOf('.') + 1));
                bySlug.put(provider.slug(), added[0]);
            }
        }
        // Sides, invitations and settings are where the sides govern the workspace together: every
        // moderator sees them, to invite into their side and to confirm what waits for it.
        if (d.me().owner() || d.me().isModerator()) {
            SidesPanel sidesPanel = new SidesPanel(workspaces, governance, workspaceId);
            InvitationsPanel links = new InvitationsPanel(invitations, governance, workspaceId);
            SettingsPanel settingsPanel = new SettingsPanel(workspaces, governance, workspaceId);
            sides = sidesPanel;
            invitationsPanel = links;
            settings = settingsPanel;
            own("sides", tabs.add(getTranslation("workspace.tab.sides"), sidesPanel),
                    new OwnPanel(sidesPanel::show, sidesPanel::removeAll));
            own("invitations", tabs.add(getTranslation("workspace.tab.invitations"), links),
                    new OwnPanel(links::show, null));
            own("settings", tabs.add(getTranslation("workspace.tab.settings"), settingsPanel),
                    new OwnPanel(settingsPanel::show, null));
        }
        show(d, Set.of());
    }

    private void own(String slug, Tab tab, OwnPanel panel) {
        tab.setId("tab-" + slug);
        bySlug.put(slug, tab);
        ownPanels.put(tab, panel);
    }

    /** Who is here now; nobody while the workspace cannot be read (the page then leaves). */
    private Set<Long> online() {
        try {
            return presence.online(workspaceId);
        } catch (NotFoundOrNoAccessException removed) {
            return Set.of();
        }
    }

    /** Draws the own panel of the tab in view, and marks the others to be drawn when next selected. */
    private void drawOwn(WorkspaceDetails d) {
        Tab selected = tabs.getSelectedTab();
        ownPanels.forEach((tab, panel) -> {
            if (tab.equals(selected)) {
                staleOwn.remove(tab);
                panel.draw().accept(d);
            } else {
                staleOwn.add(tab);
            }
        });
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        if (details == null) {
            return;
        }
        foldOnPhones(event.getUI());
        goLive(event.getUI());
    }

    /**
     * Whether the browser said, when this page's UI started (Vaadin sends the window's width with
     * its first request), that its window is a phone's width. Unknown counts as wide.
     */
    static boolean phoneWidth(UI ui) {
        ExtendedClientDetails browser = ui.getPage().getExtendedClientDetails();
        int width = browser == null ? -1 : browser.getWindowInnerWidth();
        return width > 0 && width <= PHONE_WIDTH;
    }

    /**
     * Folds the header away should the window have been narrowed to a phone's width since the UI
     * started; the usual case, a phone, is folded from the first drawing (see {@link #phoneWidth}).
     */
    private void foldOnPhones(UI ui) {
        ui.getPage().executeJs("return window.innerWidth").then(Integer.class, width -> {
            if (width != null && width > 0 && width <= PHONE_WIDTH) {
                about.setOpen(false);
            }
        });
    }

    /** Follows the workspace live and counts this browser as present in it. */
    private void goLive(UI ui) {
        onDetach.add(bus.follow(workspaceId, events -> deliver(ui, events)));
        followPresence(ui);
        refresh();
    }

    /**
     * Counts this page as present while it is open and its person can be reached: every Vaadin
     * heartbeat and an opened push connection say it is; a closed push connection (a closed
     * browser or tab), the browser hiding the page (its page-hide beacon) and, in the end, silence
     * (a lost network) say it is not.
     */
    private void followPresence(UI ui) {
        PresenceService.Visit presenceVisit = presence.enter(workspaceId);
        visit = presenceVisit;
        onDetach.add(presenceVisit::leave);
        onDetach.add(ui.addHeartbeatListener(e -> presenceVisit.seen())::remove);
        onDetach.add(PushWatch.onChange(ui, open -> {
            if (open) {
                presenceVisit.seen();
            } else {
                presenceVisit.away();
            }
        })::remove);
        String token = beacon.register(Objects.requireNonNull(details).me().userId(), presenceVisit);
        onDetach.add(() -> {
            beacon.forget(token);
            ui.getPage().executeJs("if (window.ligevaerdPresence && window.ligevaerdPresence.token === $0) {"
                    + " window.ligevaerdPresence = null; }", token);
        });
        // One pair of listeners per browser page, whichever workspace it shows now.
        getElement().executeJs("""
                window.ligevaerdPresence = {token: $0, view: this};
                if (!window.ligevaerdPresenceListening) {
                    window.ligevaerdPresenceListening = true;
                    window.addEventListener('pagehide', () => {
                        const here = window.ligevaerdPresence;
                        if (here) {
                            navigator.sendBeacon($1, here.token);
                        }
                    });
                    window.addEventListener('pageshow', e => {
                        const here = window.ligevaerdPresence;
                        if (e.persisted && here && here.view.$server) {
                            here.view.$server.pageShown();
                        }
                    });
                }""", token, PageHideBeacon.PATH);
    }

    /** The page came back from the browser's back-forward cache. */
    @ClientCallable
    void pageShown() {
        if (visit != null) {
            visit.seen();
        }
    }

    /**
     * On the bus's thread: hands the events to the page and waits until the page has taken them
     * in. Events that arrive meanwhile wait in the bus and come together in the next call, so a
     * burst of ballots costs the page a few updates, however many ballots it holds.
     */
    private void deliver(UI ui, List<WorkspaceEvent> events) {
        try {
            ui.access(() -> update(events)).get(DELIVERY_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (UIDetachedException gone) {
            // The page closed meanwhile; its subscription ends with it.
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | CancellationException e) {
            // The update still runs when the page's lock is free (or failed and was reported by
            // Vaadin's error handler); only the folding of what comes next is lost.
            log.debug("A page took long to take live events in", e);
        }
    }

    /**
     * Updates what the events concern: the whole page only for a change of its frame (the
     * workspace's name, sides, members, roles), the presence panels for arrivals and departures,
     * and the tab in view for events it concerns; other tabs are marked for a redraw when they are
     * next selected. Inside {@code UI.access}.
     */
    private void update(List<WorkspaceEvent> events) {
        updates++;
        if (details == null) {
            return;
        }
        if (events.stream().anyMatch(WorkspaceView::altersFrame)) {
            refresh();
            return;
        }
        WorkspaceDetails d = details;
        if (events.stream().anyMatch(e -> e.is(PresenceChanged.class))) {
            try {
                Set<Long> here = presence.online(workspaceId);
                online.show(d, here);
                summarise(d, here);
                Tab peopleTab = bySlug.get("people");
                if (people != null && peopleTab != null && peopleTab.equals(tabs.getSelectedTab())) {
                    people.show(d, here);
                } else if (peopleTab != null) {
                    staleOwn.add(peopleTab);
                }
            } catch (NotFoundOrNoAccessException removed) {
                refresh();
                return;
            }
        }
        if (d.forming() && events.stream().anyMatch(e -> !e.is(PresenceChanged.class))) {
            // A first draft (the statement's text going from empty to written) or a first priority
            // may just have ticked a step.
            showStart(d);
        }
        Tab selected = tabs.getSelectedTab();
        contributed.forEach((tab, content) -> {
            if (!tab.equals(selected)) {
                // News for this person counts whether or not the tab was ever opened here.
                markUnread(tab, content.provider().unread(d.me().userId(), events));
            }
            List<WorkspaceEvent> concerning = events.stream().filter(content::concerns).toList();
            if (concerning.isEmpty()) {
                return;
            }
            if (!tab.equals(selected)) {
                stale.add(content);
            } else if (stale.remove(content)) {
                content.show(d);
            } else {
                content.changed(d, concerning);
            }
        });
    }

    /** Events that change what every part of the page is drawn from. */
    static boolean altersFrame(WorkspaceEvent event) {
        return event instanceof RemoteChange remote && remote.anything() || FRAME_KINDS.contains(event.eventKind());
    }

    /** How many times live events updated this page; for tests that check bursts are folded. */
    int liveUpdates() {
        return updates;
    }

    private void leave() {
        onDetach.forEach(Runnable::run);
        onDetach.clear();
        visit = null;
    }

    @Override
    protected void onDetach(DetachEvent event) {
        leave();
        super.onDetach(event);
    }

    private void refresh() {
        try {
            details = workspaces.details(workspaceId);
            show(details, presence.online(workspaceId));
        } catch (NotFoundOrNoAccessException removed) {
            // The owner removed this user while the page was open: leave quietly with an explanation.
            getUI().ifPresent(ui -> {
                Notices.error(ui.getLocale(), removed);
                ui.navigate(WorkspaceListView.class);
            });
        }
    }

    /** The disclosure's one line: what is behind it, and how many are here now. */
    private void summarise(WorkspaceDetails d, Set<Long> onlineIds) {
        long here = d.members().stream().filter(m -> onlineIds.contains(m.userId())).count();
        aboutSummary.setText(getTranslation("workspace.about") + " · " + getTranslation("workspace.aboutHere", here));
    }

    private void show(WorkspaceDetails d, Set<Long> onlineIds) {
        title.setText(d.name());
        showArchived(d);
        description.setText(d.description());
        description.setVisible(!d.description().isBlank());
        me.removeAll();
        me.add(new Span(getTranslation("workspace.you") + " "));
        if (d.me().sideId() != null) {
            d.side(d.me().sideId()).ifPresent(s -> me.add(new SideBadge(s.name(), s.colour())));
        }
        me.add(new Span(" " + getTranslation(d.me().role().messageKey())
                + (d.me().owner() ? " · " + getTranslation("role.owner") : "")));
        online.show(d, onlineIds);
        summarise(d, onlineIds);
        drawOwn(d);
        showStart(d);
        // Other features' tabs can be costly to redraw (the equality view reads the whole history):
        // redraw only the tab in view, and the others when they are next selected.
        Tab selected = tabs.getSelectedTab();
        contributed.forEach((tab, content) -> {
            if (tab.equals(selected)) {
                stale.remove(content);
                content.show(d);
            } else if (content.isMade()) {
                stale.add(content);
            }
        });
    }

    private void showArchived(WorkspaceDetails d) {
        archived.removeAll();
        Instant since = d.archivedAt();
        archived.setVisible(since != null);
        if (since == null) {
            return;
        }
        Span banner = new Span(getTranslation("workspace.archived.banner", Formats.date(since, getLocale())));
        banner.getStyle().set("font-weight", "600");
        archived.add(new Paragraph(banner));
        Instant deletion = d.deletionDue();
        if (deletion != null) {
            archived.add(new Paragraph(getTranslation("workspace.archived.deletion",
                    Formats.date(deletion, getLocale()))));
        }
        archived.add(new Paragraph(getTranslation("workspace.archived.reopen")));
    }

    /**
     * The start checklist, while some side has no moderator: the owner's links for those sides
     * count as done once made, the other features' steps once they say so.
     */
    private void showStart(WorkspaceDetails d) {
        if (!d.forming()) {
            start.show(List.of(), List.of());
            return;
        }
        List<InvitationView> links = invitationsPanel == null ? List.of() : invitations.list(workspaceId);
        List<StartChecklist.Invite> invites = d.sides().stream()
                .filter(s -> d.sidesWithoutModerator().contains(s.name()))
                .map(s -> new StartChecklist.Invite(s,
                        links.stream().anyMatch(i -> i.role() == Role.MODERATOR && i.sideId() != null
                                && i.sideId() == s.id() && i.status() == InvitationStatus.PENDING),
                        invitationsPanel != null && d.me().owner()))
                .toList();
        List<StartChecklist.Step> steps = tabProviders.stream()
                .filter(p -> p.startStepKey() != null && bySlug.containsKey(p.slug()))
                .map(p -> new StartChecklist.Step(p.startStepKey(), p.startStepDone(workspaceId), p.slug()))
                .toList();
        start.show(invites, steps);
    }

    private void inviteFirstModerator(SideView side) {
        if (invitationsPanel != null && details != null) {
            invitationsPanel.inviteFirstModerator(side);
            // Ticked at once; the live event that follows redraws the page as well.
            invitationsPanel.show(details);
            showStart(details);
        }
    }

    private void openTab(String slug) {
        Tab tab = bySlug.get(slug);
        if (tab != null) {
            tabs.setSelectedTab(tab);
        }
    }

    /** Adds {@code count} to the number of news shown on a tab that is not in view. */
    private void markUnread(Tab tab, int count) {
        if (count <= 0) {
            return;
        }
        int total = unread.merge(tab, count, Integer::sum);
        Span badge = tab.getChildren().filter(c -> c instanceof Span && c.hasClassName("tab-unread"))
                .map(Span.class::cast).findFirst().orElseGet(() -> {
                    Span added = new Span();
                    added.addClassName("tab-unread");
                    added.getElement().getThemeList().add("badge pill small contrast");
                    tab.add(added);
                    return added;
                });
        badge.setText(String.valueOf(total));
        badge.getElement().setAttribute("aria-label", getTranslation("workspace.tab.unread", total));
        badge.getElement().setAttribute("title", getTranslation("workspace.tab.unread", total));
    }

    private void clearUnread(@Nullable Tab tab) {
        if (tab != null && unread.remove(tab) != null) {
            tab.getChildren().filter(c -> c.hasClassName("tab-unread")).toList().forEach(tab::remove);
        }
    }

    private void catchUp(@Nullable Tab selected) {
        clearUnread(selected);
        releaseHidden(selected);
        if (selected != null && details != null && staleOwn.remove(selected)) {
            ownPanels.get(selected).draw().accept(details);
        }
        LazyTab content = selected == null ? null : contributed.get(selected);
        // A tab opened here for the first time is made and drawn now; one made before, if it went stale.
        if (content != null && details != null && (stale.remove(content) || !content.isMade())) {
            content.show(details);
        }
    }

    /** Lets go of what the own panels out of view drew; each is drawn afresh when next selected. */
    private void releaseHidden(@Nullable Tab selected) {
        ownPanels.forEach((tab, panel) -> {
            Runnable release = panel.release();
            if (release != null && !tab.equals(selected)) {
                release.run();
                staleOwn.add(tab);
            }
        });
    }

    @Override
    public String getPageTitle() {
        return (details == null ? "" : details.name() + " · ") + "Ligeværd";
    }
}
