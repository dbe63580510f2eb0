package id.berdaya.core.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

/**
 * One chunk of bulk rows as tab-separated files in a temporary folder, one per table of {@code T}
 * (for {@code LOAD DATA}), with their row counts; deleted on {@link #close()}. Null is written as
 * {@code \N}, booleans as 1/0, date-times as {@code yyyy-MM-dd HH:mm:ss}.
 */
public class TsvFiles<T extends Enum<T>> implements AutoCloseable {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Path dir;
    private final Map<T, Path> files;
    private final Map<T, Writer> writers;
    private final Map<T, Integer> counts;

    /** A folder named from {@code prefix}, a file per table named {@code fileName(table).tsv}. */
    protected TsvFiles(String prefix, Class<T> tables, Function<T, String> fileName) {
        files = new EnumMap<>(tables);
        writers = new EnumMap<>(tables);
        counts = new EnumMap<>(tables);
        try {
            dir = Files.createTempDirectory(prefix);
            for (T t : tables.getEnumConstants()) {
                files.put(t, dir.resolve(fileName.apply(t) + ".tsv"));
                writers.put(t, Files.newBufferedWriter(files.get(t), StandardCharsets.UTF_8));
                counts.put(t, 0);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One line of tab-separated values. The values hold no tabs, newlines or backslashes. */
    public void write(T t, Object... values) {
        StringBuilder s = new StringBuilder(200);
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            s.append(i > 0 ? "\t" : "").append(v == null ? "\\N" : v instanceof LocalDateTime time ? TIMESTAMP.format(time)
                    : v instanceof Boolean b ? (b ? "1" : "0") : v.toString());
        }
        try {
            writers.get(t).write(s.append('\n').toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        counts.merge(t, 1, Integer::sum);
    }

    /** Flushes and closes the files, ready to load. */
    public void finish() {
        try {
            for (Writer w : writers.values()) {
                w.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path file(T t) {
        return files.get(t);
    }

    public int count(T t) {
        return counts.get(t);
    }

    @Override
    public void close() {
        finish();
        try {
            for (Path f : files.values()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
