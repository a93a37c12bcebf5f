package com.quickcart.bench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The run's figures, one {@code key<TAB>value<TAB>note} line each, appended by every step (the
 * Java ones and run.sh's Kafka tools alike). A step run again later in the day appends newer
 * lines, and the newest line for a key wins.
 */
public final class Results {

    private final Path file;

    public Results(Path file) {
        this.file = file;
    }

    public void put(String key, double value, String note) {
        String line = key + "\t" + String.format(Locale.ROOT, "%.3f", value) + "\t" + note.replace('\t', ' ') + "\n";
        System.out.print("[bench] " + line);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Map<String, Entry> read() {
        Map<String, Entry> entries = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(file)) {
                String[] parts = line.split("\t", 3);
                if (parts.length >= 2) {
                    entries.put(parts[0], new Entry(Double.parseDouble(parts[1]), parts.length > 2 ? parts[2] : ""));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    public Optional<Entry> get(String key) {
        return Optional.ofNullable(read().get(key));
    }

    public Path file() {
        return file;
    }

    public record Entry(double value, String note) {
    }
}
