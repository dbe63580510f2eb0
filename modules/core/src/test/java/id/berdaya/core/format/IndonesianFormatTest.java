package id.berdaya.core.format;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class IndonesianFormatTest {

    @Test
    void moneyUsesRupiahWithDotsForThousands() {
        assertThat(IndonesianFormat.money(2_500_000)).isEqualTo("Rp 2.500.000");
        assertThat(IndonesianFormat.money(0)).isEqualTo("Rp 0");
        assertThat(IndonesianFormat.money(new BigDecimal("1800000.50"))).isEqualTo("Rp 1.800.001");
        assertThat(IndonesianFormat.money(-3_000_000)).isEqualTo("-Rp 3.000.000");
        assertThat(IndonesianFormat.money((BigDecimal) null)).isEmpty();
    }

    @Test
    void datesAreDayMonthYear() {
        assertThat(IndonesianFormat.date(LocalDate.of(1945, 8, 17))).isEqualTo("17/08/1945");
        assertThat(IndonesianFormat.longDate(LocalDate.of(1945, 8, 17))).isEqualTo("17 Agustus 1945");
        assertThat(IndonesianFormat.monthName(1)).isEqualTo("Januari");
        assertThat(IndonesianFormat.monthName(12)).isEqualTo("Desember");
    }

    @Test
    void timesAreShownInWib() {
        assertThat(IndonesianFormat.dateTime(Instant.parse("2026-11-28T17:30:00Z"))).isEqualTo("29/11/2026 00:30");
    }

    @Test
    void countsUseDotGrouping() {
        assertThat(IndonesianFormat.number(1_234_567)).isEqualTo("1.234.567");
    }

    @Test
    void numbersInWords() {
        assertThat(IndonesianFormat.words(0)).isEqualTo("nol");
        assertThat(IndonesianFormat.words(3)).isEqualTo("tiga");
        assertThat(IndonesianFormat.words(11)).isEqualTo("sebelas");
        assertThat(IndonesianFormat.words(17)).isEqualTo("tujuh belas");
        assertThat(IndonesianFormat.words(31)).isEqualTo("tiga puluh satu");
        assertThat(IndonesianFormat.words(100)).isEqualTo("seratus");
        assertThat(IndonesianFormat.words(1945)).isEqualTo("seribu sembilan ratus empat puluh lima");
        assertThat(IndonesianFormat.words(2026)).isEqualTo("dua ribu dua puluh enam");
        assertThat(IndonesianFormat.words(2_500_000)).isEqualTo("dua juta lima ratus ribu");
        assertThat(IndonesianFormat.dayName(LocalDate.of(1945, 8, 17))).isEqualTo("Jumat");
    }
}
