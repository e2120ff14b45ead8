package dk.ligevaerd.statement.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.RangeInput;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.data.value.ValueChangeMode;
import dk.ligevaerd.shared.DomainException;
import dk.ligevaerd.shared.ui.Notices;
import dk.ligevaerd.statement.CollabService;
import dk.ligevaerd.statement.ReplayFrame;
import dk.ligevaerd.statement.ReplayStep;
import dk.ligevaerd.statement.StatementService;
import dk.ligevaerd.statement.VersionView;
import dk.ligevaerd.workspace.MemberView;
import dk.ligevaerd.workspace.WorkspaceDetails;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Replays how the purpose statement grew, change by change: a slider over every accepted change,
 * buttons to step through them or play them, and the step itself as {@link ReplayFrameView} draws
 * it: whose change it is, for which side and when, and the text at that point coloured by the side
 * that wrote each stretch.
 *
 * <p>Every frame comes from {@link StatementService#frame}, which starts from a cached checkpoint,
 * so scrubbing through a long history stays quick. Playing runs on the server: a delayed task moves
 * on inside {@link UI#access} and only then schedules the next, so slow rendering never piles up
 * ticks; a long history moves several changes per tick so that a whole replay takes about
 * {@value #FULL_REPLAY_MS} ms. It stops when the panel is detached. User text is only ever set as
 * text, never as HTML.
 */
class ReplayPanel extends Div {

    /** A replay from the start to the latest change takes about this long, whatever its length. */
    static final long FULL_REPLAY_MS = 20_000;
    /** Short histories step no faster than this, so each change can be read. */
    static final long MIN_TICK_MS = 250;
    /** … and no slower than this, so a history of a few changes does not drag. */
    static final long MAX_TICK_MS = 1_000;
    /** New changes typed while the panel is open reach it at most this often. */
    private static final long GROWTH_EVERY_MS = 1_000;

    private final StatementService statements;
    private final CollabService collab;
    private final long workspaceId;

    private final Paragraph empty = new Paragraph();
    private final Div player = new Div();
    private final RangeInput slider = new RangeInput(ValueChangeMode.TIMEOUT);
    private final Button first = navButton(VaadinIcon.FAST_BACKWARD, "statement.replay.first", "replay-first");
    private final Button previous = navButton(VaadinIcon.STEP_BACKWARD, "statement.replay.previous",
            "replay-previous");
    private final Button play = new Button();
    /** Whether the slider and the buttons move one change or one word at a time. */
    private final RadioButtonGroup<Unit> unit = new RadioButtonGroup<>();
    private final Button next = navButton(VaadinIcon.STEP_FORWARD, "statement.replay.next", "replay-next");
    private final Button last = navButton(VaadinIcon.FAST_FORWARD, "statement.replay.last", "replay-last");
    private final ReplayFrameView frameView = new ReplayFrameView(this::getLocale);
    private final AtomicBoolean growthScheduled = new AtomicBoolean();

    private List<ReplayStep> steps = List.of();
    /** Word by word: the change after which each step stops (see StatementService#wordSteps). */
    private List<Integer> wordStops = List.of();
    private Unit stepUnit = Unit.CHANGE;
    /** A change a link asked to show at the next show, or -1. */
    private int asked = -1;
    /** The slider's place: the step shown (0: the empty start); -1 until first shown. */
    private int position = -1;
    private boolean playing;
    /** Ticks of an earlier play (or of a detached panel) carry an older number and do nothing. */
    private int playRun;
    private long tickMs = MAX_TICK_MS;
    private int stride = 1;
    private @Nullable Runnable stopListening;

    ReplayPanel(StatementService statements, CollabService collab, long workspaceId) {
        this.statements = statements;
        this.collab = collab;
        this.workspaceId = workspaceId;
        addClassName("replay-panel");
        setId("replay-panel");
        getElement().setAttribute("role", "region");
        getElement().setAttribute("aria-labelledby", "replay-title");

        H3 title = new H3(getTranslation("statement.replay.title"));
        title.setId("replay-title");
        Paragraph intro = new Paragraph(getTranslation("statement.replay.intro"));
        intro.addClassName("muted");
        empty.setText(getTranslation("statement.replay.empty"));
        empty.addClassName("replay-empty");
        empty.setId("replay-empty");

        slider.setId("replay-slider");
        slider.addClassName("replay-slider");
        slider.setAriaLabel(getTranslation("statement.replay.slider"));
        slider.setMin(0);
        slider.setStep(1.0);
        // Throttled rather than on release, so that dragging shows the text growing as it goes.
        slider.setValueChangeTimeout(150);
        slider.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                pause();
            }
            int wanted = (int) Math.round(e.getValue() == null ? 0 : e.getValue());
            int clamped = Math.clamp(wanted, 0, stepCount());
            if (clamped != wanted) {
                placeThumb(clamped);
            } else if (clamped != position) {
                showStep(clamped);
            }
        });

        first.addClickListener(e -> manually(0));
        previous.addClickListener(e -> manually(position - 1));
        next.addClickListener(e -> manually(position + 1));
        last.addClickListener(e -> manually(stepCount()));
        play.setId("replay-play");
        play.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        play.addClassName("replay-play");
        play.addClickListener(e -> {
            if (playing) {
                pause();
            } else {
                play();
            }
        });
        showPlayButton();
        Div buttons = new Div(first, previous, play, next, last);
        buttons.addClassName("replay-buttons");
        unit.setId("replay-unit");
        unit.addClassName("replay-unit");
        unit.setLabel(getTranslation("statement.replay.unit"));
        unit.setItems(Unit.values());
        unit.setItemLabelGenerator(u -> getTranslation(u.labelKey));
        unit.setValue(Unit.CHANGE);
        unit.addValueChangeListener(e -> {
            if (e.getValue() != null && e.getValue() != stepUnit) {
                changeUnit(e.getValue());
            }
        });
        Div controls = new Div(slider, buttons, unit);
        controls.addClassName("replay-controls");
        controls.getElement().setAttribute("role", "group");
        controls.getElement().setAttribute("aria-label", getTranslation("statement.replay.controls"));

        player.addClassName("replay-player");
        player.setId("replay-player");
        player.add(controls, frameView.caption, frameView.summary, frameView.legend, frameView.text);
        add(title, intro, empty, player);
    }

    private Button navButton(VaadinIcon icon, String labelKey, String id) {
        Button button = new Button(icon.create());
        button.addThemeVariants(ButtonVariant.LUMO_ICON, ButtonVariant.LUMO_CONTRAST);
        button.setAriaLabel(getTranslation(labelKey));
        button.setTooltipText(getTranslation(labelKey));
        button.setId(id);
        return button;
    }

    /**
     * Brings the replay up to date with the workspace: its sides and members (for colours and
     * names), its saved versions, and the changes accepted since. Stays at the change shown, unless
     * that was the latest, in which case it moves on to the new latest. Called on every change in
     * the workspace (each ballot included), so it reads the steps again only when the text has
     * grown, and draws the frame again only when something it shows has changed.
     *
     * @param versions    the saved versions, newest first, as the tab has just read them
     * @param textVersion how many changes the text has had now
     */
    void show(WorkspaceDetails d, List<VersionView> versions, int textVersion) {
        Map<Long, MemberView> newMembers = d.members().stream()
                .collect(Collectors.toMap(MemberView::userId, Function.identity()));
        Map<Integer, List<String>> names = new TreeMap<>();
        for (VersionView v : versions) {
            names.computeIfAbsent(v.statementVersion(), k -> new ArrayList<>()).add(0, v.name());
        }
        Map<Integer, String> newSavedAt = names.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> String.join("”, “", e.getValue())));
        boolean relabelled = frameView.know(newMembers, d.sides(), newSavedAt);
        if (position < 0 || textVersion != steps.size()) {
            reloadSteps();
        } else if (asked >= 0) {
            moveTo(stepOf(asked), true);
        } else if (relabelled) {
            moveTo(position, true);
        }
        asked = -1;
    }

    /** Shows this change (0 is the empty start) at the next {@link #show}, as a link asked for. */
    void startAt(int version) {
        pause();
        asked = version;
    }

    private void reloadSteps() {
        int shown = asked >= 0 ? asked : position < 0 ? -1 : changeAt(position);
        boolean following = asked < 0 && (position < 0 || position == stepCount());
        steps = statements.replay(workspaceId);
        wordStops = stepUnit == Unit.WORD ? statements.wordSteps(workspaceId) : List.of();
        int total = stepCount();
        empty.setVisible(total == 0);
        player.setVisible(total > 0);
        int target = following && !playing ? total : stepOf(Math.max(shown, 0));
        position = target;
        placeThumb(target);
        showStep(target);
    }

    /** Switches between stepping change by change and word by word, staying at the text shown. */
    private void changeUnit(Unit newUnit) {
        pause();
        int shown = position < 0 ? 0 : changeAt(position);
        stepUnit = newUnit;
        wordStops = newUnit == Unit.WORD ? statements.wordSteps(workspaceId) : List.of();
        int target = stepOf(shown);
        position = target;
        placeThumb(target);
        showStep(target);
    }

    /** How many steps the slider has after the start: changes, or words. */
    private int stepCount() {
        return stepUnit == Unit.WORD ? wordStops.size() : steps.size();
    }

    /** How many changes the text has had at this step. */
    private int changeAt(int step) {
        if (stepUnit == Unit.CHANGE || step == 0) {
            return step;
        }
        return wordStops.get(step - 1);
    }

    /** The step that shows this change: the change itself, or the word it belongs to. */
    private int stepOf(int change) {
        if (stepUnit == Unit.CHANGE) {
            return Math.min(change, steps.size());
        }
        for (int step = 0; step < wordStops.size(); step++) {
            if (changeAt(step) >= change) {
                return step;
            }
        }
        return wordStops.size();
    }

    /**
     * Puts the slider's thumb at this step. The browser also gets the range and the value again,
     * in that order: sent as they are, a new value can reach the browser before its larger
     * maximum (one is a property, the other an attribute), and the browser then stops the thumb
     * at the old end while the caption names the new latest change.
     */
    private void placeThumb(int step) {
        int max = Math.max(stepCount(), 1);
        slider.setMax(max);
        slider.setValue((double) step);
        slider.getElement().executeJs("this.max = $0; this.value = $1;", max, step);
    }

    private void manually(int step) {
        pause();
        moveTo(step);
    }

    private void moveTo(int step) {
        moveTo(step, false);
    }

    private void moveTo(int step, boolean drawAnyway) {
        int target = Math.clamp(step, 0, stepCount());
        placeThumb(target);
        if (drawAnyway || target != position) {
            showStep(target);
        }
    }

    private void showStep(int step) {
        position = step;
        updateButtons();
        if (steps.isEmpty()) {
            return;
        }
        int version = changeAt(step);
        ReplayFrame frame = frameFor(step);
        slider.getElement().setAttribute("aria-valuetext", step == 0
                ? getTranslation("statement.replay.valueStart") : label(step));
        String startCaption = stepUnit == Unit.CHANGE ? getTranslation("statement.replay.start", steps.size())
                : getTranslation("statement.replay.wordStart", wordStops.size());
        frameView.show(step == 0 ? startCaption : label(step), step == 0 ? null : steps.get(version - 1),
                startCaption, frame);
    }

    /**
     * The text at this step, with what the step did: the change's own frame, or for a word of
     * several changes the frame of its last change with what the whole word inserted and removed.
     */
    private ReplayFrame frameFor(int step) {
        int version = changeAt(step);
        int before = step == 0 ? 0 : changeAt(step - 1);
        ReplayFrame frame = statements.frame(workspaceId, version);
        if (version - before <= 1) {
            return frame;
        }
        String old = statements.frame(workspaceId, before).text();
        String now = frame.text();
        int prefix = 0;
        int shorter = Math.min(old.length(), now.length());
        while (prefix < shorter && old.charAt(prefix) == now.charAt(prefix)) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < shorter - prefix
                && old.charAt(old.length() - 1 - suffix) == now.charAt(now.length() - 1 - suffix)) {
            suffix++;
        }
        List<ReplayFrame.Edit> edits = prefix == old.length() - suffix && prefix == now.length() - suffix ? List.of()
                : List.of(new ReplayFrame.Edit(prefix, now.length() - suffix,
                        old.substring(prefix, old.length() - suffix)));
        return new ReplayFrame(version, now, frame.authorship(), edits);
    }

    /** What the thumb's place means, as the caption and screen readers say it. */
    private String label(int step) {
        if (stepUnit == Unit.CHANGE) {
            return getTranslation("statement.replay.value", step, steps.size());
        }
        int from = changeAt(step - 1) + 1;
        int to = changeAt(step);
        return from == to
                ? getTranslation("statement.replay.wordValue", step, wordStops.size(), to, steps.size())
                : getTranslation("statement.replay.wordValueRange", step, wordStops.size(), from, to, steps.size());
    }

    private void updateButtons() {
        int total = stepCount();
        first.setEnabled(position > 0);
        previous.setEnabled(position > 0);
        next.setEnabled(position < total);
        last.setEnabled(position < total);
        play.setEnabled(total > 0);
    }

    private void showPlayButton() {
        String label = getTranslation(playing ? "statement.replay.pause" : "statement.replay.play");
        play.setText(label);
        play.setIcon((playing ? VaadinIcon.PAUSE : VaadinIcon.PLAY).create());
        // Announcing every frame while playing would drown a screen reader; the caption speaks
        // again as soon as the replay is paused.
        frameView.announce(!playing);
    }

    /** Plays from the change shown (from the start, if that is the latest) to the latest. */
    private void play() {
        UI ui = getUI().orElse(null);
        int total = stepCount();
        if (ui == null || total == 0) {
            return;
        }
        if (position >= total) {
            moveTo(0);
        }
        tickMs = Math.clamp(FULL_REPLAY_MS / total, MIN_TICK_MS, MAX_TICK_MS);
        stride = (int) Math.max(1, Math.round(total * (double) tickMs / FULL_REPLAY_MS));
        playing = true;
        showPlayButton();
        scheduleTick(ui, ++playRun);
    }

    private void pause() {
        if (playing) {
            playing = false;
            playRun++;
            showPlayButton();
        }
    }

    private void scheduleTick(UI ui, int run) {
        CompletableFuture.delayedExecutor(tickMs, TimeUnit.MILLISECONDS).execute(() -> {
            try {
                ui.access(() -> tick(ui, run));
            } catch (UIDetachedException closed) {
                // The browser left; nothing to play to.
            }
        });
    }

    private void tick(UI ui, int run) {
        if (!playing || run != playRun) {
            return;
        }
        try {
            moveTo(position + stride);
        } catch (DomainException e) {
            pause();
            Notices.error(ui.getLocale(), e);
            return;
        }
        if (position >= stepCount()) {
            pause();
        } else {
            scheduleTick(ui, run);
        }
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        UI ui = event.getUI();
        stopListening = collab.listen(workspaceId, updates -> scheduleGrowth(ui));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        pause();
        if (stopListening != null) {
            stopListening.run();
            stopListening = null;
        }
        super.onDetach(event);
    }

    /** Called under the statement's lock for every accepted change: only schedules, never waits. */
    private void scheduleGrowth(UI ui) {
        if (growthScheduled.compareAndSet(false, true)) {
            CompletableFuture.delayedExecutor(GROWTH_EVERY_MS, TimeUnit.MILLISECONDS).execute(() -> {
                try {
                    ui.access(() -> {
                        growthScheduled.set(false);
                        if (position >= 0) {
                            reloadSteps();
                        }
                    });
                } catch (UIDetachedException closed) {
                    growthScheduled.set(false);
                }
            });
        }
    }

    /** How far one step of the slider and the buttons goes. */
    enum Unit {
        CHANGE("statement.replay.unitChange"), WORD("statement.replay.unitWord");

        final String labelKey;

        Unit(String labelKey) {
            this.labelKey = labelKey;
        }
    }

}
