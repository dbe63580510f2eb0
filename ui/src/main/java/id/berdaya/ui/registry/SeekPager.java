package id.berdaya.ui.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Turns the grid's (offset, limit) requests into seek requests (rows after a key): it remembers
 * the key of the last row of every page it served, so the next page continues from there
 * without an OFFSET scan. A request at an offset it has not reached is served by seeking from
 * the nearest remembered key below it.
 *
 * @param <T> the row type
 */
final class SeekPager<T> {

    private static final int STEP = 500;
    private final Function<T, Long> key;
    private final BiFunction<Long, Integer, List<T>> seek;
    /** offset of a row → key of the row just before it (null: the first row). */
    private final NavigableMap<Integer, Long> keys = new TreeMap<>();

    SeekPager(Function<T, Long> key, BiFunction<Long, Integer, List<T>> seek) {
        this.key = key;
        this.seek = seek;
        reset();
    }

    void reset() {
        keys.clear();
        keys.put(0, null);
    }

    List<T> fetch(int offset, int limit) {
        var start = keys.floorEntry(offset);
        int position = start.getKey();
        Long before = start.getValue();
        while (position < offset) {
            List<T> skipped = seek.apply(before, Math.min(STEP, offset - position));
            if (skipped.isEmpty()) {
                return List.of();
            }
            position += skipped.size();
            before = key.apply(skipped.getLast());
            keys.put(position, before);
        }
        List<T> page = new ArrayList<>(seek.apply(before, limit));
        if (!page.isEmpty()) {
            keys.put(offset + page.size(), key.apply(page.getLast()));
        }
        return page;
    }
}
