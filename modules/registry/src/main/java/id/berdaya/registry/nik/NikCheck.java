package id.berdaya.registry.nik;

import id.berdaya.registry.Sex;

import id.berdaya.core.RuleViolation.Problem;

import java.time.LocalDate;
import java.util.List;

/**
 * The result of checking a NIK against its own structure and the entered data.
 *
 * @param errors   a malformed NIK: registration is refused
 * @param warnings the NIK disagrees with the entered data or names an unknown region: shown
 *                 beside the field and stored as review flags, never a refusal
 * @param birthDay the birth day and month the NIK encodes (year as the later century that is
 *                 not in the future), when well-formed
 * @param sex      the sex the NIK encodes, when well-formed
 */
public record NikCheck(List<Problem> errors, List<Problem> warnings, LocalDate birthDay, Sex sex) {

    public boolean valid() {
        return errors.isEmpty();
    }

    /** The warning codes, for the review flags column. */
    public List<String> flags() {
        return warnings.stream().map(p -> p.key().substring(p.key().lastIndexOf('.') + 1)).toList();
    }
}
