package id.berdaya.ui.registry;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The grid's offsets become seeks after the last row served; no request scans from the top again. */
class SeekPagerTest {

    /** ids 1000 down to 1, newest first, as the register lists them. */
    static final List<Long> ROWS = LongStream.rangeClosed(1, 1000).map(i -> 1001 - i).boxed().toList();
    final List<Long> seeksAfter = new ArrayList<>();
    final SeekPager<Long> pager = new SeekPager<>((after, limit) -> {
        seeksAfter.add(after);
        return ROWS.stream().filter(id -> after == null || id < after).limit(limit).toList();
    });

    @Test
    void consecutivePagesContinueFromTheLastRow() {
        assertThat(pager.fetch(0, 50)).first().isEqualTo(1000L);
        assertThat(pager.fetch(50, 50)).first().isEqualTo(950L);
        assertThat(pager.fetch(100, 50)).first().isEqualTo(900L);
        assertThat(seeksAfter).containsExactly(null, 951L, 901L);
    }

    @Test
    void aJumpAheadSeeksFromTheNearestKnownRowAndIsRememberedAfterwards() {
        pager.fetch(0, 50);
        assertThat(pager.fetch(700, 50)).first().isEqualTo(300L);
        int seeks = seeksAfter.size();
        assertThat(pager.fetch(750, 50)).first().isEqualTo(250L);
        assertThat(seeksAfter).hasSize(seeks + 1);
    }

    @Test
    void theEndIsEmptyAndResetStartsAgain() {
        assertThat(pager.fetch(990, 50)).hasSize(10);
        assertThat(pager.fetch(1000, 50)).isEmpty();
        pager.reset();
        assertThat(pager.fetch(0, 1)).containsExactly(1000L);
    }
}
