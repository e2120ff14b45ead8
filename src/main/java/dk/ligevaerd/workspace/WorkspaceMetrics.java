package dk.ligevaerd.workspace;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * The workspace pages open on this node (docs/operations.md): in total, read at each scrape, and
 * per workspace (tagged with its id, never its name), refreshed every 15 seconds so that a
 * workspace nobody has open any more drops out of the figures.
 */
@Component
class WorkspaceMetrics {

    private static final Duration REFRESH = Duration.ofSeconds(15);

    private final PresenceService presence;
    private final MultiGauge perWorkspace;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "workspace-metrics");
        thread.setDaemon(true);
        return thread;
    });

    WorkspaceMetrics(MeterRegistry registry, PresenceService presence) {
        this.presence = presence;
        Gauge.builder("ligevaerd.pages.open", presence,
                        p -> p.openPagesHere().values().stream().mapToInt(Integer::intValue).sum())
                .description("Workspace pages open on this node").register(registry);
        this.perWorkspace = MultiGauge.builder("ligevaerd.workspace.pages.open")
                .description("Workspace pages open on this node, per workspace").register(registry);
        refresh();
        timer.scheduleWithFixedDelay(this::refresh, REFRESH.toSeconds(), REFRESH.toSeconds(), TimeUnit.SECONDS);
    }

    void refresh() {
        Map<Long, Integer> pages = presence.openPagesHere();
        List<MultiGauge.Row<?>> rows = pages.entrySet().stream()
                .<MultiGauge.Row<?>>map(e -> MultiGauge.Row.of(Tags.of("workspace", String.valueOf(e.getKey())),
                        e.getValue()))
                .toList();
        perWorkspace.register(rows, true);
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }
}
