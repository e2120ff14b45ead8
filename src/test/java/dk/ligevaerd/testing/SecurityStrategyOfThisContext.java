package dk.ligevaerd.testing;

import org.springframework.core.Ordered;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Points Spring Security's global holder at the security-context strategy of the test's own
 * application context, before {@code @WithUserDetails} puts the test's user there.
 *
 * <p>Vaadin installs its own strategy (with a thread-local of its own) whenever an application
 * context starts. When a cached context is used again after another context has started, the
 * global holder still points at the newer context's strategy, while {@code @WithUserDetails}
 * writes into the cached context's one: the services would then see nobody logged in.
 */
public class SecurityStrategyOfThisContext implements TestExecutionListener, Ordered {

    @Override
    public void beforeTestMethod(TestContext testContext) {
        testContext.getApplicationContext().getBeanProvider(SecurityContextHolderStrategy.class)
                .ifAvailable(SecurityContextHolder::setContextHolderStrategy);
    }

    /** Before WithSecurityContextTestExecutionListener (order 10000). */
    @Override
    public int getOrder() {
        return 9_000;
    }
}
