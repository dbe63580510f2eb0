package id.berdaya.training.event;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * When a participant has completed an event: a minimum share of the sessions attended (present or
 * late) and a minimum post-test score. Either part may be switched off (null).
 */
public record CompletionRule(BigDecimal minAttendancePct, BigDecimal minPostScore) {

    /** 80 % of the sessions and a post-test of at least 60. */
    public static final CompletionRule DEFAULT = new CompletionRule(new BigDecimal("80"), new BigDecimal("60"));

    public static final String ATTENDANCE_LOW = "ATTENDANCE_LOW";
    public static final String NO_SESSIONS = "NO_SESSIONS";
    public static final String POST_TEST_MISSING = "POST_TEST_MISSING";
    public static final String POST_TEST_LOW = "POST_TEST_LOW";

    /**
     * A participant's result.
     *
     * @param attendancePct the share of sessions attended, rounded down to one decimal (null without sessions)
     * @param reasons       why not completed (empty when completed)
     */
    public record Judgement(boolean completed, BigDecimal attendancePct, List<String> reasons) {
    }

    /** Judges one participant who attended {@code attended} of {@code sessions} sessions. */
    public Judgement judge(int attended, int sessions, BigDecimal postScore) {
        List<String> reasons = new ArrayList<>();
        BigDecimal share = sessions == 0 ? null
                : BigDecimal.valueOf(attended * 100L).divide(BigDecimal.valueOf(sessions), 1, RoundingMode.DOWN);
        if (minAttendancePct != null) {
            if (sessions == 0) {
                reasons.add(NO_SESSIONS);
            } else if (BigDecimal.valueOf(attended * 100L).compareTo(minAttendancePct.multiply(BigDecimal.valueOf(sessions))) < 0) {
                reasons.add(ATTENDANCE_LOW); // compared exactly, never after rounding
            }
        }
        if (minPostScore != null) {
            if (postScore == null) {
                reasons.add(POST_TEST_MISSING);
            } else if (postScore.compareTo(minPostScore) < 0) {
                reasons.add(POST_TEST_LOW);
            }
        }
        return new Judgement(reasons.isEmpty(), share, List.copyOf(reasons));
    }
}
