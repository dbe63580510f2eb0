package id.berdaya.ui.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * Turns the grid's (offset, limit) requests into seek requests ("the rows after this row"): it
 * remembers the last row of every page it served, so the next page continues from there without
 * an OFFSET scan. A request at an offset it has not reached is served by seeking from the
 * nearest remembered row below it.
 *
 * @param <T> the row type
 */
final class SeekPager<T> {

    private static final int STEP = 500;
    private final BiFunction<T, Integer, List<T>> seek;
    /** offset of a row → the row just before it (absent value: the first row). */
    private final NavigableMap<Integer, List<T>> before = new TreeMap<>();

    /** @param seek the rows after the given row (null: from the top), at most the given number */
    SeekPager(BiFunction<T, Integer, List<T>> seek) {
        this.seek = seek;
        reset();
    }

    void reset() {
        before.clear();
        before.put(0, List.of());
    }

    List<T> fetch(int offset, int limit) {
        var start = before.floorEntry(offset);
        int position = start.getKey();
        T after = start.getValue().isEmpty() ? null : start.getValue().getFirst();
        while (position < offset) {
            List<T> skipped = seek.apply(after, Math.min(STEP, offset - position));
            if (skipped.isEmpty()) {
                return List.of();
            }
            position += skipped.size();
            after = skipped.getLast();
            before.put(position, List.of(after));
        }
        List<T> page = new ArrayList<>(seek.apply(after, limit));
        if (!page.isEmpty()) {
            before.put(offset + page.size(), List.of(page.getLast()));
        }
        return page;
    }
}
