package id.berdaya.registry.imports;

import id.berdaya.core.RuleViolation.Problem;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A row of an import file that is not imported as it stands: refused (ERROR), imported with
 * review flags (WARNING), or left out because the NIK is already registered or repeats an
 * earlier row of the file (SKIPPED).
 *
 * @param line    the line of the file (1 is the header)
 * @param nik     the NIK as written in the file, masked when stored and when read ({@code NameKey.maskNik}): the line
 *                number finds the row in the uploader's own file, and neither the grid nor the rejected-rows file
 *                confirms to anyone else which NIKs are registered
 * @param reasons message keys with arguments, translated by the UI
 */
public record ImportIssue(int line, Outcome outcome, String nik, String fullName, List<Problem> reasons) {

    public enum Outcome { ERROR, WARNING, SKIPPED }

    private static final char PROBLEMS = '\u001E';
    private static final char PARTS = '\u001F';

    /** "field US key US arg US arg RS ..." (ASCII record and unit separators never occur in messages). */
    static String encode(List<Problem> problems) {
        StringBuilder b = new StringBuilder();
        for (Problem p : problems) {
            if (!b.isEmpty()) {
                b.append(PROBLEMS);
            }
            b.append(p.field() == null ? "" : p.field()).append(PARTS).append(p.key());
            for (Object a : p.args()) {
                b.append(PARTS).append(String.valueOf(a).replace(PARTS, ' ').replace(PROBLEMS, ' '));
            }
        }
        return b.toString();
    }

    static List<Problem> decode(String s) {
        List<Problem> problems = new ArrayList<>();
        if (s == null || s.isEmpty()) {
            return problems;
        }
        for (String p : s.split(String.valueOf(PROBLEMS))) {
            String[] parts = p.split(String.valueOf(PARTS), -1);
            Object[] args = parts.length > 2 ? Arrays.copyOfRange(parts, 2, parts.length) : new Object[0];
            problems.add(new Problem(parts[0].isEmpty() ? null : parts[0], parts.length > 1 ? parts[1] : "", args));
        }
        return problems;
    }
}
