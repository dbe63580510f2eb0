package id.berdaya.registry.nik;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The normalised form of a name used for search and duplicate detection: accents removed,
 * lower case, punctuation as spaces, single spaces ("Sri  Wahyuní-Ningsih" → "sri wahyuni ningsih").
 */
public final class NameKey {

    private static final java.util.regex.Pattern SIXTEEN_DIGITS = java.util.regex.Pattern.compile("(?<!\\d)\\d{16}(?!\\d)");

    private NameKey() {
    }

    public static String of(String name) {
        if (name == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return decomposed.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
    }

    /** The distinct words of the normalised name (for word-prefix search). */
    public static List<String> tokens(String name) {
        String key = of(name);
        return key.isEmpty() ? List.of() : Arrays.stream(key.split(" ")).distinct().map(t -> t.length() > 60 ? t.substring(0, 60) : t).toList();
    }

    /**
     * "3303 •••• •••• ••••": only the kabupaten/kota digits. The kecamatan, birth-date and serial
     * digits stay hidden, because the birth date, sex and kecamatan are shown beside a masked NIK
     * and the serial is all that would be left to guess. Also used for KK numbers, and for a
     * NIK as typed in an import file, whatever its length: the first four characters (none of a
     * value shorter than eight), each other one a dot, in groups of four; a masked value stays
     * as it is.
     */
    public static String maskNik(String nik) {
        if (nik == null || nik.indexOf('•') >= 0) {
            return nik;
        }
        String typed = nik.strip();
        int shown = typed.length() >= 8 ? 4 : 0;
        StringBuilder masked = new StringBuilder(typed.substring(0, shown));
        for (int i = shown; i < typed.length(); i++) {
            masked.append(i > 0 && i % 4 == 0 ? " •" : "•");
        }
        return masked.toString();
    }

    /**
     * A text with every number of exactly 16 digits (a NIK or KK number) masked, for messages that
     * may quote one: a database error on a duplicate key names the value.
     */
    public static String maskNiksIn(String text) {
        return text == null ? null : SIXTEEN_DIGITS.matcher(text).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(maskNik(m.group())));
    }

    /**
     * An error as it may be logged or shown: itself when no message in its chain holds a 16-digit
     * number, else a copy whose messages (and its causes') are masked, with the same stack traces.
     */
    public static Throwable maskNiksIn(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && SIXTEEN_DIGITS.matcher(t.getMessage()).find()) {
                return maskedCopy(e);
            }
        }
        return e;
    }

    private static Throwable maskedCopy(Throwable e) {
        Throwable cause = e.getCause() == null || e.getCause() == e ? null : maskedCopy(e.getCause());
        Throwable copy = new RuntimeException(e.getClass().getName() + ": " + maskNiksIn(e.getMessage()), cause);
        copy.setStackTrace(e.getStackTrace());
        return copy;
    }
}
