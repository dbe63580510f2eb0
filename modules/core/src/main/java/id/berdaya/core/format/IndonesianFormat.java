package id.berdaya.core.format;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Indonesian conventions, in one place: money "Rp 2.500.000", dates "17/08/1945", long dates
 * "17 Agustus 1945", times in WIB (Asia/Jakarta, the zone of Jawa Tengah).
 */
public final class IndonesianFormat {

    public static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    public static final Locale INDONESIAN = Locale.forLanguageTag("id-ID");
    public static final List<String> MONTHS = List.of("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli",
            "Agustus", "September", "Oktober", "November", "Desember");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private IndonesianFormat() {
    }

    /** "Rp 2.500.000"; amounts are rounded to whole rupiah; negative as "-Rp 2.500.000". */
    public static String money(BigDecimal amount) {
        if (amount == null) {
            return "";
        }
        DecimalFormatSymbols symbols = new DecimalFormatSymbols(INDONESIAN);
        symbols.setGroupingSeparator('.');
        symbols.setDecimalSeparator(',');
        DecimalFormat f = new DecimalFormat("#,##0", symbols);
        BigDecimal whole = amount.setScale(0, RoundingMode.HALF_UP);
        return (whole.signum() < 0 ? "-" : "") + "Rp " + f.format(whole.abs());
    }

    public static String money(long amount) {
        return money(BigDecimal.valueOf(amount));
    }

    /** "17/08/1945". */
    public static String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    /** "17 Agustus 1945". */
    public static String longDate(LocalDate date) {
        return date == null ? "" : date.getDayOfMonth() + " " + monthName(date.getMonthValue()) + " " + date.getYear();
    }

    private static final String[] ONES = {"", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan",
            "sepuluh", "sebelas"};

    /** A whole number in Indonesian words (terbilang), 0 to 999.999.999: 2026 → "dua ribu dua puluh enam". */
    public static String words(long n) {
        if (n < 0 || n > 999_999_999) {
            throw new IllegalArgumentException("out of range: " + n);
        }
        return n == 0 ? "nol" : spell(n).trim().replaceAll(" +", " ");
    }

    private static String spell(long n) {
        if (n < 12) {
            return ONES[(int) n];
        }
        if (n < 20) {
            return spell(n - 10) + " belas";
        }
        if (n < 100) {
            return spell(n / 10) + " puluh " + spell(n % 10);
        }
        if (n < 200) {
            return "seratus " + spell(n - 100);
        }
        if (n < 1000) {
            return spell(n / 100) + " ratus " + spell(n % 100);
        }
        if (n < 2000) {
            return "seribu " + spell(n - 1000);
        }
        if (n < 1_000_000) {
            return spell(n / 1000) + " ribu " + spell(n % 1000);
        }
        return spell(n / 1_000_000) + " juta " + spell(n % 1_000_000);
    }

    /** "Kamis": the Indonesian name of the day of the week. */
    public static String dayName(LocalDate date) {
        return List.of("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu").get(date.getDayOfWeek().getValue() - 1);
    }

    /** "Agustus" for 8. */
    public static String monthName(int month) {
        return MONTHS.get(month - 1);
    }

    /** "28/11/2026 11:07" in WIB. */
    public static String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(WIB));
    }

    /** "1.234.567": a count with Indonesian grouping. */
    public static String number(long n) {
        DecimalFormatSymbols symbols = new DecimalFormatSymbols(INDONESIAN);
        symbols.setGroupingSeparator('.');
        return new DecimalFormat("#,##0", symbols).format(n);
    }
}
