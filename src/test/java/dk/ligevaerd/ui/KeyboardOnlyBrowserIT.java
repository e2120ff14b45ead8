package dk.ligevaerd.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dk.ligevaerd.support.Acting.as;
import static dk.ligevaerd.support.Acting.run;
import static dk.ligevaerd.testing.DemoUsers.CIVIL1;
import static dk.ligevaerd.testing.DemoUsers.KOMMUNE1;
import static dk.ligevaerd.testing.DemoUsers.PASSWORD;
import static dk.ligevaerd.testing.DemoUsers.WORKSPACE;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import dk.ligevaerd.account.AccountService;
import dk.ligevaerd.account.UserSummary;
import dk.ligevaerd.browser.BrowserSupport;
import dk.ligevaerd.priority.PriorityService;
import dk.ligevaerd.priority.PriorityView;
import dk.ligevaerd.round.RoundDraft;
import dk.ligevaerd.round.RoundService;
import dk.ligevaerd.testing.ProductionDemoApp;
import dk.ligevaerd.workspace.WorkspaceService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The main flows with the keyboard alone, in a real Chromium in production mode: log in, open the
 * workspace, type in the purpose, propose a priority, cast a ballot, confirm a closing and open the
 * record, using only Tab, Shift+Tab, Enter, Space and the arrow keys (and typing into fields). At
 * every stop on the way the focused element shows a visible focus indicator (an outline or a box
 * shadow on it, on the Vaadin component that holds it, or on the editor around it), and Tab always
 * moves on: nowhere does focus get stuck.
 */
@ProductionDemoApp
class KeyboardOnlyBrowserIT {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    /** How many Tab presses may lie between two stops: more means the stop is unreachable. */
    private static final int MAX_PRESSES = 120;

    /**
     * The focused element, through shadow roots, and its composed ancestors, each as
     * {@code tag#id[attr].class:index}: tells one stop from the next.
     */
    private static final String FOCUS_PATH = """
            () => {
              let el = document.activeElement;
              while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
              const path = [];
              for (let e = el; e; e = e.parentElement || (e.getRootNode() instanceof ShadowRoot ? e.getRootNode().host : null)) {
                path.push(e.localName + (e.id ? '#' + e.id : '')
                    + (e.getAttribute && e.getAttribute('role') ? '[role=' + e.getAttribute('role') + ']' : '')
                    + (e.getAttribute && e.getAttribute('aria-selected') === 'true' ? '[selected]' : '')
                    + (e.getAttribute && e.getAttribute('slot') ? '[slot=' + e.getAttribute('slot') + ']' : '')
                    + (e.classList && e.classList.length ? '.' + [...e.classList].join('.') : '')
                    + (e.parentNode && e.parentNode.children ? ':' + [...e.parentNode.children].indexOf(e) : ''));
              }
              return path.join(' < ');
            }
            """;

    /**
     * Null when the focused element shows that it has focus; otherwise what is focused without a
     * visible indicator. Looks at the element itself, at a Vaadin component holding it that marks
     * keyboard focus ({@code focus-ring}, whose indicator is drawn on a part of its shadow DOM), and
     * at the editor around a focused editing area ({@code cm-focused}).
     */
    private static final String FOCUS_INVISIBLE = """
            () => {
              let el = document.activeElement;
              while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
              if (!el || el === document.body || el === document.documentElement) return 'nothing is focused';
              const drawn = s => (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0)
                  || (s.boxShadow && s.boxShadow !== 'none');
              const shows = e => drawn(getComputedStyle(e)) || drawn(getComputedStyle(e, '::before'))
                  || drawn(getComputedStyle(e, '::after'));
              if (shows(el)) return null;
              // A dialog holding the focus itself rings its box, the overlay part in its shadow trees,
              // with an outline: the box's shadow is there whether or not the dialog has the focus.
              const ringed = e => { const s = getComputedStyle(e); return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0; };
              if (el.getAttribute && ['dialog', 'alertdialog'].includes(el.getAttribute('role'))) {
                const parts = [];
                const walk = root => root.querySelectorAll('*').forEach(x => {
                  parts.push(x);
                  if (x.shadowRoot) walk(x.shadowRoot);
                });
                if (el.shadowRoot) walk(el.shadowRoot);
                if (parts.some(x => (x.getAttribute('part') || '').split(' ').includes('overlay') && ringed(x))) return null;
              }
              for (let e = el; e; e = e.parentElement || (e.getRootNode() instanceof ShadowRoot ? e.getRootNode().host : null)) {
                if (e.classList && e.classList.contains('cm-focused') && shows(e)) return null;
                if (e.hasAttribute && e.hasAttribute('focus-ring')) {
                  if (shows(e)) return null;
                  if (e.shadowRoot && [...e.shadowRoot.querySelectorAll('*')].some(shows)) return null;
                }
              }
              return 'no visible focus on ' + el.localName + (el.id ? '#' + el.id : '')
                  + (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ').join('.') : '');
            }
            """;

    @LocalServerPort int port;
    @Autowired AccountService accounts;
    @Autowired WorkspaceService workspaces;
    @Autowired PriorityService priorities;
    @Autowired RoundService rounds;

    private final List<String> withoutFocus = new ArrayList<>();

    @Test
    void the_main_flows_work_with_the_keyboard_alone_with_a_visible_focus_and_no_trap() {
        UserSummary kommune1 = accounts.findByUsername(KOMMUNE1).orElseThrow();
        UserSummary civil1 = accounts.findByUsername(CIVIL1).orElseThrow();
        long workspaceId = as(kommune1, () -> workspaces.mine()).stream().filter(w -> w.name().equals(WORKSPACE))
                .findFirst().orElseThrow().id();
        List<Long> options = as(kommune1, () -> priorities.list(workspaceId)).stream().map(PriorityView::id)
                .limit(2).toList();
        long roundId = as(kommune1, () -> rounds.create(workspaceId,
                RoundDraft.dots("By keyboard", options, 5, 5, 1).withSecret(false)));
        run(kommune1, () -> rounds.open(workspaceId, roundId));
        run(civil1, () -> rounds.castDots(workspaceId, roundId, Map.of(options.getLast(), 3)));
        as(civil1, () -> rounds.confirmClosing(workspaceId, roundId));

        Page page = browser.newContext("http://localhost:" + port, "en-GB").newPage();

        // Log in.
        page.navigate("/login");
        assertThat(page.locator("vaadin-login-form input[name='username']")).isVisible();
        stopAt(page, "input[name='username']", "the user name field");
        page.keyboard().type(KOMMUNE1);
        stopAt(page, "input[name='password']", "the password field");
        page.keyboard().type(PASSWORD);
        page.keyboard().press("Enter");
        assertThat(page).not().hasURL(Pattern.compile(".*/login.*"));

        // Open the workspace.
        assertThat(page.locator(".workspace-card-link[href='workspace/" + workspaceId + "']")).isVisible();
        stopAt(page, ".workspace-card-link[href='workspace/" + workspaceId + "']", "the workspace's link");
        page.keyboard().press("Enter");
        assertThat(page.locator("#workspace-title")).hasText(WORKSPACE);

        // Type in the purpose.
        openTab(page, "tab-statement");
        // The tab is selected in the browser at once; its content comes from the server after.
        assertThat(page.locator("ligevaerd-statement-editor .cm-content")).isVisible();
        assertThat(page.locator("ligevaerd-statement-editor .cm-content")).isEditable();
        stopAt(page, ".cm-content", "the purpose's editor");
        page.keyboard().press("Control+End");
        page.keyboard().type(" Written by keyboard.");
        assertThat(page.locator("ligevaerd-statement-editor .cm-content")).containsText("Written by keyboard.");
        page.keyboard().press("Tab");
        assertThat(focused(page)).as("Tab leaves the editor").doesNotContain("cm-content");

        // Propose a priority.
        openTab(page, "tab-priorities");
        assertThat(page.locator("#propose-priority")).isVisible();
        stopAt(page, "#propose-priority", "the propose button");
        page.keyboard().press("Enter");
        assertThat(page.locator("#priority-title input")).isFocused();
        assertFocusVisible(page, "the new priority's title");
        page.keyboard().type("Visits by keyboard");
        stopAt(page, "#priority-lenses vaadin-checkbox", "the first value lens");
        page.keyboard().press("Space");
        stopAt(page, "#priority-save", "the submit button");
        page.keyboard().press("Enter");
        assertThat(page.locator("#priority-list")).containsText("Visits by keyboard");

        // Cast a ballot.
        openTab(page, "tab-rounds");
        assertThat(page.locator("#round-" + roundId + " .dots-plus").first()).isEnabled();
        stopAt(page, "#round-" + roundId + " .dots-plus", "the first option's plus");
        page.keyboard().press("Enter");
        page.keyboard().press("Space");
        assertThat(page.locator("#points-left-" + roundId)).containsText("3 of 5 points left");
        stopAt(page, "#ballot-submit-" + roundId, "the cast button");
        page.keyboard().press("Enter");
        assertThat(page.locator("#ballot-status-" + roundId)).containsText("is counted");

        // Confirm the closing (the civil side has confirmed already).
        stopAt(page, "#round-confirm-" + roundId, "the confirm closing button");
        page.keyboard().press("Enter");
        // A person sees the dialog, and the focus in it, before pressing on. Then once around its
        // Tab cycle: from its confirm button to the dialog itself (a stop of its own, ringed), its
        // cancel button and back.
        assertThat(page.locator("vaadin-button[slot='confirm-button']")).isVisible();
        page.waitForFunction("() => document.activeElement && document.activeElement.closest('vaadin-confirm-dialog')");
        stopAt(page, "[slot='cancel-button']", "the dialog's cancel button");
        stopAt(page, "[slot='confirm-button']", "the dialog's confirm button");
        page.keyboard().press("Enter");
        assertThat(page.locator("#round-state-" + roundId)).hasText("Closed");
        // While the dialog is still open, its Tab cycle holds the focus: wait until it has closed.
        assertThat(page.locator("vaadin-confirm-dialog[opened]")).hasCount(0);
        assertThat(page.locator("#round-discuss-" + roundId)).isVisible();
        assertThat(page.locator("#record-page-link-" + roundId)).isVisible();

        // The closed round's card leads into its discussion; then open the record.
        stopAt(page, "#round-discuss-" + roundId, "the round's discuss link");
        stopAt(page, "#record-page-link-" + roundId, "the record's link");
        page.keyboard().press("Enter");
        assertThat(page).hasURL(Pattern.compile(".*/workspace/" + workspaceId + "/record/\\d+"));
        assertThat(page.locator("#record-page-title")).isVisible();

        // No trap: Tab goes through the whole page to its end, the footer's link, and around again.
        stopAt(page, "#accessibility-statement", "the footer's accessibility statement link");
        page.keyboard().press("Shift+Tab");
        assertThat(focused(page)).as("Shift+Tab moves back").doesNotContain("accessibility-statement");

        assertThat(withoutFocus).as("stops where the focus could not be seen").isEmpty();
    }

    /** The focus check itself: it must see a missing indicator, or its silence means nothing. */
    @Test
    void the_focus_check_tells_a_hidden_focus_from_a_shown_one() {
        Page page = browser.newContext().newPage();
        page.setContent("<html lang='en'><head><title>t</title><style>#hidden:focus { outline: none; }</style></head>"
                + "<body><main><button id='hidden'>Hidden</button><button id='shown'>Shown</button></main></body></html>");
        page.keyboard().press("Tab");
        assertThat(focused(page)).startsWith("button#hidden");
        assertThat((String) page.evaluate(FOCUS_INVISIBLE)).isEqualTo("no visible focus on button#hidden");
        page.keyboard().press("Tab");
        assertThat(focused(page)).startsWith("button#shown");
        assertThat((String) page.evaluate(FOCUS_INVISIBLE)).isNull();

        // A dialog that takes the focus itself shows it on its box, drawn in its shadow tree.
        page.setContent("<html lang='en'><head><title>t</title><style>[role=dialog] { outline: none; } [role=dialog]::part(overlay) { box-shadow: 0 0 8px gray; } #ringed:focus-visible::part(overlay)"
                + " { outline: 2px solid blue; }</style></head><body><main>"
                + "<div id='bare' role='dialog' tabindex='0'></div><div id='ringed' role='dialog' tabindex='0'></div>"
                + "</main></body></html>");
        page.evaluate("() => ['bare', 'ringed'].forEach(id => document.getElementById(id).attachShadow({mode: 'open'})"
                + ".innerHTML = '<div part=\"overlay\">Close the round?</div>')");
        page.keyboard().press("Tab");
        assertThat(focused(page)).startsWith("div#bare");
        assertThat((String) page.evaluate(FOCUS_INVISIBLE)).isEqualTo("no visible focus on div#bare");
        page.keyboard().press("Tab");
        assertThat(focused(page)).startsWith("div#ringed");
        assertThat((String) page.evaluate(FOCUS_INVISIBLE)).isNull();
    }

    /**
     * Presses Tab until the focused element (or a component holding it) matches {@code selector},
     * checking a visible focus at every stop on the way. Fails when focus stays on one element for
     * several presses (a trap) or the stop is not reached.
     */
    private void stopAt(Page page, String selector, String what) {
        String previous = null;
        int same = 0;
        for (int press = 0; press < MAX_PRESSES; press++) {
            if (focusIsWithin(page, selector)) {
                assertFocusVisible(page, what);
                return;
            }
            page.keyboard().press("Tab");
            String now = focused(page);
            if (now.equals(previous)) {
                same++;
                assertThat(same).as("focus is stuck on " + now + " on the way to " + what).isLessThan(3);
            } else {
                same = 0;
            }
            previous = now;
            if (!now.startsWith("body") && !now.isEmpty()) {
                String invisible = focusInvisible(page);
                if (invisible != null) {
                    withoutFocus.add(invisible + " (on the way to " + what + ")");
                }
            }
        }
        throw new AssertionError(what + " (" + selector + ") was not reached with " + MAX_PRESSES + " presses of Tab;"
                + " focus is on " + focused(page));
    }

    /** Moves to the workspace's tab row with Shift+Tab, then to the tab with the arrow keys, and selects it. */
    private void openTab(Page page, String tabId) {
        String previous = null;
        for (int press = 0; press < MAX_PRESSES && !focused(page).contains("[role=tab]"); press++) {
            page.keyboard().press("Shift+Tab");
            String now = focused(page);
            assertThat(now).as("focus is stuck on the way back to the tabs").isNotEqualTo(previous);
            previous = now;
        }
        assertFocusVisible(page, "the selected tab");
        for (int press = 0; press < 12 && !focused(page).contains("#" + tabId); press++) {
            page.keyboard().press("ArrowRight");
        }
        assertThat(focused(page)).contains("#" + tabId);
        assertFocusVisible(page, tabId);
        page.keyboard().press("Enter");
        assertThat(page.locator("#" + tabId)).hasAttribute("aria-selected", "true");
        // Only the selection is certain here: the caller waits for the part of the tab's content
        // it goes to next, which the server sends after.
    }

    private static boolean focusIsWithin(Page page, String selector) {
        return (Boolean) page.evaluate("""
                selector => {
                  let el = document.activeElement;
                  while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
                  for (let e = el; e; e = e.parentElement || (e.getRootNode() instanceof ShadowRoot ? e.getRootNode().host : null)) {
                    if (e.matches && e.matches(selector)) return true;
                  }
                  return false;
                }
                """, selector);
    }

    /**
     * Null once the focus shows, within five seconds (mostly at once): an editor draws its focus
     * ring on its next frame, after the focus event, and a loaded machine may be slow to draw it.
     * Otherwise what is focused without a visible indicator.
     */
    private static String focusInvisible(Page page) {
        try {
            page.waitForFunction("() => (" + FOCUS_INVISIBLE.strip() + ")() === null", null,
                    new Page.WaitForFunctionOptions().setTimeout(5000));
            return null;
        } catch (com.microsoft.playwright.TimeoutError stillInvisible) {
            return (String) page.evaluate(FOCUS_INVISIBLE);
        }
    }

    private void assertFocusVisible(Page page, String what) {
        String invisible = focusInvisible(page);
        assertThat(invisible).as("a visible focus on " + what + " (" + focused(page) + ")").isNull();
    }

    private static String focused(Page page) {
        return (String) page.evaluate(FOCUS_PATH);
    }
}
