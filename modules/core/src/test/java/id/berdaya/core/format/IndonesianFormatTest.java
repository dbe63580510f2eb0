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
}
