package fr.portailfamille.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class EurosTest {

    @Test
    void thousandsAndTheSignAreSeparatedByOrdinarySpaces_neverTheLocalesNoBreakSpaces() {
        assertThat(Euros.of(new BigDecimal("1234.5"))).isEqualTo("1 234,50 €");
        assertThat(Euros.of(new BigDecimal("1234567.891"))).isEqualTo("1 234 567,89 €");
        assertThat(Euros.of(new BigDecimal("1234.50")) + Euros.whole(12000)).doesNotContain("\u00a0", "\u202f");
    }

    @Test
    void smallAmountsKeepTheirCents() {
        assertThat(Euros.of(BigDecimal.ZERO)).isEqualTo("0,00 €");
        assertThat(Euros.of(new BigDecimal("0.005"))).isEqualTo("0,01 €");
        assertThat(Euros.ofCents(1)).isEqualTo("0,01 €");
        assertThat(Euros.ofCents(123450)).isEqualTo("1 234,50 €");
    }

    @Test
    void negativeAmountsStartWithAMinus() {
        assertThat(Euros.of(new BigDecimal("-1234.5"))).isEqualTo("-1 234,50 €");
        assertThat(Euros.ofCents(-200)).isEqualTo("-2,00 €");
    }

    @Test
    void wholeEurosHaveNoCents() {
        assertThat(Euros.whole(850)).isEqualTo("850 €");
        assertThat(Euros.whole(12000)).isEqualTo("12 000 €");
    }

    @Test
    void theTemplatesFormatsWriteNothingForNothing() {
        Formats formats = new Formats();
        assertThat(formats.euros(null)).isEmpty();
        assertThat(formats.euros(new BigDecimal("8"))).isEqualTo("8,00 €");
        assertThat(formats.wholeEuros(640)).isEqualTo("640 €");
        assertThat(formats.date(java.time.LocalDate.of(2026, 3, 14))).isEqualTo("14/03/2026");
        assertThat(formats.day(java.time.LocalDate.of(2026, 3, 14))).isEqualTo("samedi 14 mars 2026");
    }
}
