package id.berdaya.training.synthetic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * One chunk of synthetic training data as tab-separated files, one per table (the columns of
 * {@link SyntheticTrainingRepository}), with their row counts; deleted on {@link #close()}.
 */
final class SyntheticTrainingFiles implements AutoCloseable {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** The next free id of each table, advanced as rows are written. */
    static final class Ids {
        long event;
        long session;
        long participant;
        long attendance;
        long result;
        long certificate;

        Ids(long event, long session, long participant, long attendance, long result, long certificate) {
            this.event = event;
            this.session = session;
            this.participant = participant;
            this.attendance = attendance;
            this.result = result;
            this.certificate = certificate;
        }
    }

    private final Path dir;
    private final Path[] files = new Path[6];
    private final Writer[] writers = new Writer[6];
    private final int[] counts = new int[6];

    SyntheticTrainingFiles() {
        try {
            dir = Files.createTempDirectory("berdaya-training");
            String[] names = {"events", "sessions", "participants", "attendance", "results", "certificates"};
            for (int i = 0; i < names.length; i++) {
                files[i] = dir.resolve(names[i] + ".tsv");
                writers[i] = Files.newBufferedWriter(files[i], StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void event(Object... values) {
        write(0, values);
    }

    void session(Object... values) {
        write(1, values);
    }

    void participant(Object... values) {
        write(2, values);
    }

    void attendance(Object... values) {
        write(3, values);
    }

    void result(Object... values) {
        write(4, values);
    }

    void certificate(Object... values) {
        write(5, values);
    }

    /** Flushes and closes the files, ready to load. */
    void finish() {
        try {
            for (Writer w : writers) {
                w.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path eventFile() {
        return files[0];
    }

    Path sessionFile() {
        return files[1];
    }

    Path participantFile() {
        return files[2];
    }

    Path attendanceFile() {
        return files[3];
    }

    Path resultFile() {
        return files[4];
    }

    Path certificateFile() {
        return files[5];
    }

    int events() {
        return counts[0];
    }

    int sessions() {
        return counts[1];
    }

    int participants() {
        return counts[2];
    }

    int attendance() {
        return counts[3];
    }

    int results() {
        return counts[4];
    }

    int certificates() {
        return counts[5];
    }

    /** A timestamp as the files carry it. */
    static String timestamp(LocalDateTime t) {
        return TIMESTAMP.format(t);
    }

    /** One line of tab-separated values; null as {@code \N}. The values hold no tabs, newlines or backslashes. */
    private void write(int file, Object... values) {
        StringBuilder s = new StringBuilder(160);
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                s.append('\t');
            }
            s.append(values[i] == null ? "\\N" : values[i].toString());
        }
        try {
            writers[file].write(s.append('\n').toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        counts[file]++;
    }

    @Override
    public void close() {
        finish();
        for (Path f : files) {
            SyntheticTrainingRepository.deleteQuietly(f);
        }
        SyntheticTrainingRepository.deleteQuietly(dir);
    }
}
