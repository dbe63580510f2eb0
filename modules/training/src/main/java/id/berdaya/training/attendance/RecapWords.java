package id.berdaya.training.attendance;

import java.util.Map;

/**
 * The words of the attendance recap's PDF in the user's language: its title, the name and share
 * column headers, a short mark per state (one or two letters, for narrow session columns) and the
 * legend that explains them.
 */
public record RecapWords(String title, String name, String share, Map<AttendanceState, String> marks, String legend) {

    public RecapWords {
        marks = Map.copyOf(marks);
    }
}
