package dk.ligevaerd.testing;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.ObjectName;

/**
 * The live objects of this JVM by class, as {@code jcmd <pid> GC.class_histogram} prints them (the
 * same diagnostic command, run in-process; it collects garbage first). Two of them, subtracted,
 * show where the memory of what was opened in between goes.
 */
public record HeapHistogram(Map<String, long[]> byClass) {

    private static final Pattern LINE = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");

    public static HeapHistogram take() {
        try {
            String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {null}, new String[] {String[].class.getName()});
            Map<String, long[]> byClass = new HashMap<>();
            for (String line : text.split("\n")) {
                Matcher m = LINE.matcher(line);
                if (m.find()) {
                    byClass.merge(m.group(3), new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))},
                            (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
                }
            }
            return new HeapHistogram(byClass);
        } catch (Exception e) {
            throw new IllegalStateException("no class histogram", e);
        }
    }

    public long bytes() {
        return byClass.values().stream().mapToLong(v -> v[1]).sum();
    }

    /** The classes that grew most since {@code before}, per unit (e.g. per session), largest first. */
    public String growthSince(HeapHistogram before, int units, int top) {
        List<Map.Entry<String, long[]>> grown = new ArrayList<>();
        byClass.forEach((name, now) -> {
            long[] was = before.byClass.getOrDefault(name, new long[2]);
            grown.add(Map.entry(name, new long[] {now[0] - was[0], now[1] - was[1]}));
        });
        grown.sort((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]));
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "live heap %,d KB -> %,d KB: %,.0f KB per unit (%d units); largest growth per unit:%n",
                before.bytes() >> 10, bytes() >> 10, (bytes() - before.bytes()) / 1024.0 / units, units));
        for (Map.Entry<String, long[]> e : grown.subList(0, Math.min(top, grown.size()))) {
            out.append(String.format(Locale.ROOT, "  %10.1f KB %10.1f objects  %s%n",
                    e.getValue()[1] / 1024.0 / units, (double) e.getValue()[0] / units, e.getKey()));
        }
        return out.toString();
    }
}
