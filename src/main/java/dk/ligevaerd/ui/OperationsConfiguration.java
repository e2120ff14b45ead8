package dk.ligevaerd.ui;

import dk.ligevaerd.shared.cluster.ClusterChannel;
import jakarta.servlet.DispatcherType;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The web side of operations: request ids in the logs (docs/operations.md). */
@Configuration(proxyBeanMethods = false)
class OperationsConfiguration {

    /** Right after the security headers, so that every later log line of the request has its id. */
    @Bean
    FilterRegistrationBean<RequestIds> requestIds(ClusterChannel cluster) {
        FilterRegistrationBean<RequestIds> registration = new FilterRegistrationBean<>(new RequestIds(cluster));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
        registration.addUrlPatterns("/*");
        return registration;
    }
}
