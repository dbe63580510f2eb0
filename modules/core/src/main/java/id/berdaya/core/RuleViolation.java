package id.berdaya.core;

import java.util.List;

/**
 * A business rule refused the input. Carries message keys (translated by the UI through its
 * I18NProvider) and, where known, the field they belong to, so a form can show each one
 * beside its field. Nothing was written when this is thrown.
 */
public class RuleViolation extends RuntimeException {

    /** One broken rule: the form field it concerns (or null), the message key and its arguments. */
    public record Problem(String field, String key, List<Object> args) {
        public Problem(String field, String key, Object... args) {
            this(field, key, List.of(args));
        }
    }

    private final List<Problem> problems;

    public RuleViolation(List<Problem> problems) {
        super(problems.stream().map(p -> (p.field() == null ? "" : p.field() + ": ") + p.key()).toList().toString());
        this.problems = List.copyOf(problems);
    }

    public RuleViolation(String field, String key, Object... args) {
        this(List.of(new Problem(field, key, args)));
    }

    public List<Problem> problems() {
        return problems;
    }

    /** Thrown when an edit lost a race with another edit of the same row (optimistic locking). */
    public static RuleViolation concurrentChange() {
        return new RuleViolation(null, "error.concurrentChange");
    }
}
