package dk.ligevaerd.statement.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * Load on the live editor: N simulated editors ({@link CollabLoad}) on one statement, over the real
 * WebSocket endpoint of the real application running as a process of its own. Not a test: run it
 * with {@code src/test/scripts/benchmark-collab.sh} (see docs/performance.md, "Co-editing").
 *
 * <p>Arguments: editor counts (default 50 200 400), {@code --seconds=S} measured per row (default
 * 30, after 10 s of warm-up), and {@code --base-jar=PATH} (with {@code --base-label=NAME}) to
 * measure another build side by side: both servers are started, and each editor count runs on the
 * other build first, then on this one, so both see the same machine.
 */
public final class CollabBenchmark {

    private static final List<String> ACCOUNTS = List.of("kommune1", "kommune2", "kommune3", "civil1", "civil2",
            "civil3");
    /** The simulated editors share six accounts, far beyond what one person may open. */
    private static final List<String> LIMITS = List.of("--ligevaerd.live.connections-per-account=100000",
            "--ligevaerd.live.burst-per-account=100000000", "--ligevaerd.live.messages-per-second-per-account=100000000");

    private CollabBenchmark() {
    }

    private record Server(String label, Process process, URI base, int jmxPort) {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = new ArrayList<>();
        int seconds = 30;
        Path baseJar = null;
        String baseLabel = "before";
        for (String arg : args) {
            if (arg.startsWith("--seconds=")) {
                seconds = Integer.parseInt(arg.substring("--seconds=".length()));
            } else if (arg.startsWith("--base-jar=")) {
                baseJar = Path.of(arg.substring("--base-jar=".length()));
            } else if (arg.startsWith("--base-label=")) {
                baseLabel = arg.substring("--base-label=".length());
            } else {
                sizes.add(Integer.parseInt(arg));
            }
        }
        if (sizes.isEmpty()) {
            sizes = List.of(50, 200, 400);
        }
        List<Server> servers = new ArrayList<>();
        List<String> rows = new ArrayList<>();
        try {
            if (baseJar != null) {
                servers.add(start(baseLabel, baseJar));
            }
            servers.add(start("this build", currentJar()));
            for (int n : sizes) {
                for (Server server : servers) {
                    String row = run(server, n, Duration.ofSeconds(seconds));
                    System.out.println(row);
                    rows.add(row);
                }
            }
        } finally {
            for (Server server : servers) {
                server.process.destroy();
                server.process.waitFor(30, TimeUnit.SECONDS);
            }
        }
        String report = report(rows, seconds);
        System.out.println(report);
        Files.createDirectories(Path.of("target", "benchmark"));
        Files.writeString(Path.of("target", "benchmark", "collab.md"), report);
    }

    private static String run(Server server, int editorCount, Duration measured) throws Exception {
        CollabLoad load = new CollabLoad(server.base, 1, ACCOUNTS, "demo", "observer1");
        try (JMXConnector jmx = JMXConnectorFactory.connect(
                new JMXServiceURL("service:jmx:rmi:///jndi/rmi://localhost:" + server.jmxPort + "/jmxrmi"))) {
            MBeanServerConnection mbeans = jmx.getMBeanServerConnection();
            MemoryMXBean memory = ManagementFactory.newPlatformMXBeanProxy(mbeans, ManagementFactory.MEMORY_MXBEAN_NAME,
                    MemoryMXBean.class);
            com.sun.management.OperatingSystemMXBean os = ManagementFactory.newPlatformMXBeanProxy(mbeans,
                    ManagementFactory.OPERATING_SYSTEM_MXBEAN_NAME, com.sun.management.OperatingSystemMXBean.class);
            long[] cpu = new long[2];
            long[] wall = new long[2];
            String[] loadAverage = new String[2];
            long[] heapMax = new long[1];
            // A platform thread: the editors' load can starve virtual threads for the whole window.
            Thread heapWatch = Thread.ofPlatform().daemon().unstarted(() -> {
                try {
                    while (!Thread.currentThread().isInterrupted()) {
                        heapMax[0] = Math.max(heapMax[0], memory.getHeapMemoryUsage().getUsed());
                        Thread.sleep(1_000);
                    }
                } catch (InterruptedException | RuntimeException stopped) {
                    // measured
                }
            });
            CollabLoad.Result result = load.run(editorCount, Duration.ofSeconds(10), measured, new CollabLoad.Probe() {
                @Override
                public void begin() throws Exception {
                    cpu[0] = os.getProcessCpuTime();
                    wall[0] = System.nanoTime();
                    loadAverage[0] = loadAverage();
                    heapWatch.start();
                }

                @Override
                public void end() throws Exception {
                    cpu[1] = os.getProcessCpuTime();
                    wall[1] = System.nanoTime();
                    loadAverage[1] = loadAverage();
                    heapWatch.interrupt();
                }
            });
            memory.gc();
            long heapAfterGc = memory.getHeapMemoryUsage().getUsed();
            return String.format(Locale.ROOT,
                    "| %d | %s | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %d | %d | %d | %.0f %% | %s → %s | %d / %d MB |",
                    editorCount, server.label, result.connected(), result.connectMillis() / 1000.0, ms(result.p50()),
                    ms(result.p95()), ms(result.p99()), ms(result.max()), result.changesPerSecond(),
                    result.samples(), result.lost(), result.diverged(),
                    100.0 * (cpu[1] - cpu[0]) / (wall[1] - wall[0]), loadAverage[0], loadAverage[1],
                    heapMax[0] / (1024 * 1024), heapAfterGc / (1024 * 1024));
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException unknown) {
            return "?";
        }
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }

    private static String report(List<String> rows, int seconds) {
        StringBuilder out = new StringBuilder();
        out.append("Run ").append(LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME.withLocale(Locale.ROOT)))
                .append(" on ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
                .append(seconds).append(" s measured per row after 10 s warm-up; server: the jar, H2 file, -Xmx512m\n\n");
        out.append("| editors | build | connected | connecting s | p50 ms | p95 ms | p99 ms | max ms | changes/s |"
                + " latency samples | lost | diverged | server CPU (of one core) | load average | server heap max / after GC |\n");
        out.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        rows.forEach(row -> out.append(row).append('\n'));
        return out.toString();
    }

    private static Path currentJar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("ligevaerd-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("build the jar first: ./mvnw package -DskipTests"));
        }
    }

    private static Server start(String label, Path jar) throws Exception {
        Path folder = Files.createTempDirectory(Path.of("target"), "benchmark-");
        int port = freePort();
        int jmxPort = freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m",
                "-Dcom.sun.management.jmxremote.port=" + jmxPort, "-Dcom.sun.management.jmxremote.rmi.port=" + jmxPort,
                "-Dcom.sun.management.jmxremote.authenticate=false", "-Dcom.sun.management.jmxremote.ssl=false",
                "-Dcom.sun.management.jmxremote.local.only=true", "-Djava.rmi.server.hostname=localhost",
                "-jar", jar.toAbsolutePath().toString(), "--server.port=" + port, "--management.server.port=0",
                "--logging.level.root=warn", "--logging.level.dk.ligevaerd.demo=info",
                "--server.tomcat.threads.max=400"));
        command.addAll(LIMITS);
        // Options for the server's JVM, separated by spaces, say a flight recording (benchmark-collab.sh)
        String extra = System.getProperty("bench.serverJvm", "").strip();
        if (!extra.isEmpty()) {
            command.addAll(1, List.of(extra.split("\\s+")));
        }
        Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CountDownLatch ready = new CountDownLatch(1);
        Thread.ofVirtual().start(() -> {
            try {
                for (String line; (line = out.readLine()) != null; ) {
                    if (line.contains("Created the demo workspace")) {
                        ready.countDown();
                    } else if (line.contains("ERROR") || line.contains("WARN")) {
                        System.err.println("[" + label + "] " + line);
                    }
                }
            } catch (IOException ended) {
                // stopped
            }
        });
        if (!ready.await(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the server " + label + " did not start");
        }
        return new Server(label, process, URI.create("http://localhost:" + port), jmxPort);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
