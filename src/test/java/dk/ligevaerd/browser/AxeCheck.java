package dk.ligevaerd.browser;

import static org.junit.jupiter.api.Assertions.fail;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Runs axe-core in the page and fails on every serious or critical violation, listing each rule
 * with the elements that break it. Minor and moderate findings, and the known findings inside
 * Vaadin's own components described at {@link #isVaadinInternalStructure}, are printed, not failed.
 */
public final class AxeCheck {

    /** From the org.webjars.npm:axe-core test dependency. */
    static final String AXE_SCRIPT = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";

    private static final List<String> FAILING_IMPACTS = List.of("serious", "critical");

    /**
     * Each node: its selector (shadow-DOM steps joined by commas), those of its related nodes, and
     * whether the node and all its related nodes belong to one Vaadin component's shadow DOM.
     */
    private static final String RUN_AXE = """
            async () => {
              const selector = target => target.map(step => [].concat(step).join(',')).join(' ');
              const vaadinHost = element => {
                const root = element && element.getRootNode();
                return root instanceof ShadowRoot && root.host.localName.startsWith('vaadin-') ? root.host : null;
              };
              const result = await axe.run(document, { resultTypes: ['violations'], elementRef: true });
              return result.violations.map(v => ({
                id: v.id,
                impact: v.impact || 'unknown',
                help: v.help,
                nodes: v.nodes.map(n => {
                  const related = [...n.any, ...n.all, ...n.none].flatMap(c => c.relatedNodes || []);
                  const host = n.element && n.element.localName.startsWith('vaadin-') ? n.element : vaadinHost(n.element);
                  return {
                    target: selector(n.target),
                    summary: (n.failureSummary || '').replace(/\\s+/g, ' '),
                    related: related.map(r => selector(r.target)),
                    insideVaadinComponent: host !== null && related.length > 0
                        && related.every(r => vaadinHost(r.element) === host)
                  };
                })
              }));
            }""";

    private static String script;

    private AxeCheck() {
    }

    record Finding(String rule, String impact, String help, String target, String summary, List<String> related,
            boolean insideVaadinComponent) {

        boolean failing() {
            return FAILING_IMPACTS.contains(impact) && !isVaadinInternalStructure(this);
        }

        @Override
        public String toString() {
            return "- [" + impact + "] " + rule + ": " + help + "\n    " + target + " → " + summary
                    + related.stream().map(r -> "\n      related: " + r).collect(Collectors.joining());
        }
    }

    /** Checks the page as it is now; wait for what should be on it before calling this. */
    public static void assertNoSeriousViolations(Page page, String what) {
        List<Finding> findings = run(page);
        findings.stream().filter(f -> FAILING_IMPACTS.contains(f.impact()) && !f.failing())
                .forEach(f -> System.out.println("axe on " + what + ", let through as Vaadin's own markup:\n" + f));
        Map<String, Long> lesser = findings.stream().filter(f -> !FAILING_IMPACTS.contains(f.impact()))
                .collect(Collectors.groupingBy(f -> f.rule() + " (" + f.impact() + ")", TreeMap::new,
                        Collectors.counting()));
        if (!lesser.isEmpty()) {
            System.out.println("axe on " + what + ", minor or moderate (not failing): " + lesser);
        }
        List<Finding> failing = findings.stream().filter(Finding::failing).toList();
        if (!failing.isEmpty()) {
            fail("axe-core found " + failing.size() + " serious or critical accessibility violation(s) on " + what
                    + " (" + page.url() + "):\n"
                    + failing.stream().map(Finding::toString).collect(Collectors.joining("\n")));
        }
    }

    /**
     * axe-core 4.6 reads the shadow DOM of Vaadin's components and finds, between a container
     * role and its items, structure that belongs to the component: the scroll container and the
     * aria-hidden scroll buttons of {@code <vaadin-tabs>} (role tablist), the sizer row cells of
     * {@code <vaadin-grid>}'s table. It reports them as {@code aria-required-children}. This
     * application cannot change that markup, and Chromium's accessibility tree still exposes the
     * tabs and the grid's rows to screen readers. So exactly that rule is let through when the
     * failing element and every child it complains about sit in one Vaadin component's shadow
     * DOM; anything the application itself puts among the items still fails.
     */
    static boolean isVaadinInternalStructure(Finding finding) {
        return finding.rule().equals("aria-required-children") && finding.insideVaadinComponent();
    }

    @SuppressWarnings("unchecked")
    private static List<Finding> run(Page page) {
        if (!Boolean.TRUE.equals(page.evaluate("() => typeof axe !== 'undefined'"))) {
            page.addScriptTag(new Page.AddScriptTagOptions().setContent(script()));
        }
        List<Finding> findings = new ArrayList<>();
        for (Map<String, Object> v : (List<Map<String, Object>>) page.evaluate(RUN_AXE)) {
            for (Map<String, Object> n : (List<Map<String, Object>>) v.get("nodes")) {
                findings.add(new Finding((String) v.get("id"), (String) v.get("impact"), (String) v.get("help"),
                        (String) n.get("target"), (String) n.get("summary"), (List<String>) n.get("related"),
                        Boolean.TRUE.equals(n.get("insideVaadinComponent"))));
            }
        }
        return findings;
    }

    private static synchronized String script() {
        if (script == null) {
            try (InputStream in = AxeCheck.class.getClassLoader().getResourceAsStream(AXE_SCRIPT)) {
                if (in == null) {
                    throw new IllegalStateException(AXE_SCRIPT + " is not on the test classpath: is the "
                            + "org.webjars.npm:axe-core dependency still in pom.xml, at that version?");
                }
                script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return script;
    }
}
