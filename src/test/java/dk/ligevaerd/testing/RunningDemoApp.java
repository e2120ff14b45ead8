package dk.ligevaerd.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestExecutionListeners;

/**
 * The whole application on a random port, with the demo workspace in a fresh H2 file database
 * under {@code target/it-db}, for tests that drive it through a real browser.
 *
 * <p>Every class that uses this annotation and nothing else gets the same cached context, so the
 * application starts once per test run. Tests share its data: each adds what it needs (new users,
 * new invitations) and never relies on something another test may have changed.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
// Its own security-context strategy in the global holder: the page-hide beacon and every other
// plain HTTP endpoint read the logged-in user through it (SecurityStrategyOfThisContext).
@TestExecutionListeners(listeners = SecurityStrategyOfThisContext.class,
        mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        // Resolved once per application context: a new database for every test run.
        "spring.datasource.url=jdbc:h2:file:./target/it-db/${random.uuid};DB_CLOSE_ON_EXIT=FALSE",
        "ligevaerd.demo.enabled=true",
        // The development tools' floating button is not part of the product; keep it out of pages
        // that the accessibility check reads.
        "vaadin.devmode.devTools.enabled=false"})
public @interface RunningDemoApp {
}
