package com.quickcart.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The table the suite prints and writes: each fault, how often it was injected, what was checked, the worst recovery seen. */
final class FaultReport {

    private final List<String> rows = new ArrayList<>();
    private final long started = System.nanoTime();

    synchronized void add(String fault, int injected, Map<String, String> broken, Duration worstRecovery, String notes) {
        String checks = broken.isEmpty()
                ? "all " + StoreChecks.NAMES.size() + " held"
                : "BROKEN: " + String.join(" | ", broken.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList());
        rows.add("| " + fault + " | " + injected + " | " + checks + " | " + seconds(worstRecovery) + " | " + notes.replace("|", "/") + " |");
    }

    synchronized String table() {
        List<String> lines = new ArrayList<>();
        lines.add("Checks after each fault: " + String.join(", ", StoreChecks.NAMES) + ".");
        lines.add("Recovery: from the fault's end (a kill: the kill itself) until the next purchase reached its customer"
                + " (Pakasir faults: the next QR code).");
        lines.add("");
        lines.add("| fault | injected | checks | worst recovery | notes |");
        lines.add("|---|---|---|---|---|");
        lines.addAll(rows);
        lines.add("");
        lines.add("suite ran " + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s");
        return String.join("\n", lines);
    }

    void write(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, table() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String seconds(Duration duration) {
        return duration == null ? "n/a" : String.format(java.util.Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}
