package dk.ligevaerd.ui;

import dk.ligevaerd.shared.cluster.ClusterChannel;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id, taken from a load balancer's {@code X-Request-Id} when it is a sane
 * one, else a new one, and puts it and this node's id into the log context of the request
 * ({@code requestId}, {@code node}), so a structured log line says where and for which request it
 * was written (docs/operations.md). The id goes back in the response's {@code X-Request-Id}.
 */
class RequestIds extends OncePerRequestFilter {

    static final String HEADER = "X-Request-Id";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final ClusterChannel cluster;

    RequestIds(ClusterChannel cluster) {
        this.cluster = cluster;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String given = request.getHeader(HEADER);
        String id = given != null && SANE.matcher(given).matches() ? given : UUID.randomUUID().toString();
        response.setHeader(HEADER, id);
        MDC.put("requestId", id);
        MDC.put("node", cluster.nodeId());
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove("requestId");
            MDC.remove("node");
        }
    }
}
