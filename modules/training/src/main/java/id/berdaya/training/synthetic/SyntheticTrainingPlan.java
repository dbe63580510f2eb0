package id.berdaya.training.synthetic;

import id.berdaya.training.event.EventStatus;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * What the generator writes, decided before any row: each event's district, number of sessions
 * and participants, status and dates, in date order. Past events are closed with every session
 * marked (every 40th is cancelled, without participants) until the attendance budget is used
 * up; the event that uses its last rows is running, partly marked; the rest lie ahead (open with
 * participants, then planned without). About {@code attendanceRows / events} rows per event.
 */
final class SyntheticTrainingPlan {

    static final LocalDate FIRST_DAY = LocalDate.of(2021, 1, 4);

    final int size;
    final String[] district;
    final int[] sessions;
    final int[] participants;
    final EventStatus[] status;
    final LocalDate[] start;
    /** Attendance rows of each event: participants × sessions when closed, the remainder when running, else 0. */
    final int[] marked;

    private SyntheticTrainingPlan(int size) {
        this.size = size;
        district = new String[size];
        sessions = new int[size];
        participants = new int[size];
        status = new EventStatus[size];
        start = new LocalDate[size];
        marked = new int[size];
    }

    /** Days an event lasts: two sessions a day. */
    int days(int i) {
        return (sessions[i] + 1) / 2;
    }

    LocalDate end(int i) {
        return start[i].plusDays(days(i) - 1L);
    }

    /**
     * Plans {@code events} events with exactly {@code attendanceRows} attendance rows in all, the
     * districts drawn in proportion to {@code weights} (how many people each can enrol).
     */
    static SyntheticTrainingPlan of(int events, int attendanceRows, Random random, List<String> districts, int[] weights,
                                    LocalDate today) {
        SyntheticTrainingPlan p = new SyntheticTrainingPlan(events);
        int[] cumulative = new int[weights.length];
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            cumulative[i] = sum;
        }
        int perEvent = Math.max(4, (int) Math.round(attendanceRows / (double) events / 4 * 1.05)); // four sessions on average
        long used = 0;
        int past = 0;
        int running = -1;
        for (int i = 0; i < events; i++) {
            int d = Arrays.binarySearch(cumulative, random.nextInt(sum) + 1);
            p.district[i] = districts.get(d < 0 ? -d - 1 : d);
            p.sessions[i] = 3 + random.nextInt(3);
            p.participants[i] = perEvent - 3 + random.nextInt(7);
            int cells = p.sessions[i] * p.participants[i];
            if (running < 0 && i % 40 == 39) {
                p.status[i] = EventStatus.CANCELLED;
                p.participants[i] = 0;
                past++;
            } else if (running < 0 && used + cells <= attendanceRows) {
                p.status[i] = EventStatus.CLOSED;
                p.marked[i] = cells;
                used += cells;
                past++;
            } else if (running < 0) {
                p.status[i] = EventStatus.RUNNING;
                p.marked[i] = (int) (attendanceRows - used);
                used = attendanceRows;
                running = i;
            } else {
                p.status[i] = i - running <= (events - running) / 2 ? EventStatus.OPEN : EventStatus.PLANNED;
                if (p.status[i] == EventStatus.PLANNED) {
                    p.participants[i] = 0;
                }
            }
        }
        if (used < attendanceRows) {
            throw new IllegalArgumentException("%,d events hold only %,d of %,d attendance rows".formatted(events, used, attendanceRows));
        }
        int pastDays = (int) (today.toEpochDay() - 14 - FIRST_DAY.toEpochDay());
        int[] offsets = random.ints(past, 0, pastDays).sorted().toArray();
        for (int i = 0; i < past; i++) {
            p.start[i] = FIRST_DAY.plusDays(offsets[i]);
        }
        if (running >= 0) {
            p.start[running] = today.minusDays(1);
            int ahead = events - running - 1;
            int[] later = random.ints(ahead, 7, 360).sorted().toArray();
            for (int i = 0; i < ahead; i++) {
                p.start[running + 1 + i] = today.plusDays(later[i]);
            }
        }
        return p;
    }
}
