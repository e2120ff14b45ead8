package dk.ligevaerd.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.TestExecutionListeners;

/**
 * The whole application as users get it: Vaadin in production mode (the production bundle that the
 * build put in {@code target/classes}, so run it with {@code verify}, after {@code package}), no
 * developer tools, the footer with a configured accessibility statement link, the demo workspace in
 * a fresh H2 file. Classes that use only this annotation share one application.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TestExecutionListeners(listeners = SecurityStrategyOfThisContext.class,
        mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:file:./target/it-db/production-${random.uuid};DB_CLOSE_ON_EXIT=FALSE",
        "ligevaerd.demo.enabled=true",
        "ligevaerd.rounds.auto-close.enabled=false",
        "vaadin.productionMode=true",
        ProductionDemoApp.STATEMENT_PROPERTY + "=" + ProductionDemoApp.STATEMENT_URL})
public @interface ProductionDemoApp {

    String STATEMENT_PROPERTY = "ligevaerd.accessibility-statement-url";
    String STATEMENT_URL = "https://www.was.digst.dk/ligevaerd-example-dk";
}
