package id.berdaya.registry.imports;

/**
 * A set of positive longs by open addressing: the NIKs seen in an import file, 8 bytes each
 * rather than the ~50 of a {@code HashSet<Long>} entry (a million NIKs in ~16 MB).
 */
final class LongSet {

    private long[] slots;
    private int size;

    LongSet(int expected) {
        slots = new long[Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1];
    }

    /** Adds a value (> 0); false when it was already there. */
    boolean add(long v) {
        if (size * 2 >= slots.length) {
            grow();
        }
        boolean added = insert(slots, v);
        if (added) {
            size++;
        }
        return added;
    }

    private boolean insert(long[] table, long v) {
        int mask = table.length - 1;
        int i = (int) (mix(v) & mask);
        while (table[i] != 0) {
            if (table[i] == v) {
                return false;
            }
            i = (i + 1) & mask;
        }
        table[i] = v;
        return true;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        for (long v : old) {
            if (v != 0) {
                insert(slots, v);
            }
        }
    }

    private static long mix(long v) {
        v ^= v >>> 33;
        v *= 0xff51afd7ed558ccdL;
        v ^= v >>> 33;
        return v;
    }
}
