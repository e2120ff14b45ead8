package dk.ligevaerd.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestExecutionListeners;

/**
 * The application's beans without a web server, with the demo workspace in a fresh H2 file
 * database under {@code target/it-db}, for browserless view tests. Classes that use it share one
 * cached context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TestExecutionListeners(listeners = SecurityStrategyOfThisContext.class,
        mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:file:./target/it-db/${random.uuid};DB_CLOSE_ON_EXIT=FALSE",
        "ligevaerd.demo.enabled=true"})
public @interface DemoAppContext {
}
