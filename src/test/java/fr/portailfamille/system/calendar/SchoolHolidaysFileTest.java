package fr.portailfamille.system.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.portailfamille.system.calendar.TownCalendar.SchoolHoliday;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/**
 * The school-holiday file: ours, checked against the national calendar of 2026-2027 for zone B, and the
 * Ministry's open-data export, which a town may drop in its place as downloaded and which gives the
 * same periods.
 */
class SchoolHolidaysFileTest {

    private static List<SchoolHoliday> read(String resource) throws IOException {
        try (Reader reader = new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8)) {
            return SchoolHolidaysFile.read(reader);
        }
    }

    /** First day without class and day classes resume, zone B 2026-2027, as the Ministry published them. */
    private static final List<String> ZONE_B_2026_2027 = List.of(
            "2026-10-17 → 2026-11-02", // Toussaint: after class on Saturday 17 October, back on Monday 2 November
            "2026-12-19 → 2027-01-04", // Noël
            "2027-02-20 → 2027-03-08", // hiver, zone B
            "2027-04-17 → 2027-05-03", // printemps, zone B
            "2027-05-07 → 2027-05-10", // pont de l'Ascension (Thursday 6 May is a public holiday)
            "2027-07-03 → 2027-09-01"); // été

    private static List<String> periodsOf(List<SchoolHoliday> holidays, String schoolYear) {
        return holidays.stream().filter(h -> h.schoolYear().equals(schoolYear)).map(h -> h.firstDay() + " → " + h.returnDay()).toList();
    }

    @Test
    void theBundledFileHasTheNationalCalendarOfZoneB() throws IOException {
        List<SchoolHoliday> holidays = read(TownCalendar.HOLIDAYS_FILE);
        assertThat(periodsOf(holidays, "2026-2027")).containsExactlyElementsOf(ZONE_B_2026_2027);
        assertThat(periodsOf(holidays, "2025-2026")).hasSize(6);
    }

    @Test
    void theMinistrysExportAsDownloadedGivesTheSamePeriods() throws IOException {
        List<SchoolHoliday> export = read("calendar/export-ministere-2026-2027.csv");

        // zone B pupils only: no other zone, no Corsica, no teachers' line, no « rentrée » day; one line per period
        // however many academies; instants (UTC or +02:00) read as days in Paris; the summer without a published
        // end resumes on 1 September
        assertThat(periodsOf(export, "2026-2027")).containsExactlyElementsOf(ZONE_B_2026_2027);
        assertThat(export).extracting(SchoolHoliday::label).containsExactly("Vacances de la Toussaint", "Vacances de Noël",
                "Vacances d'Hiver", "Vacances de Printemps", "Pont de l'Ascension", "Vacances d'Été");
        SchoolHoliday winter = export.get(2);
        assertThat(winter.contains(LocalDate.of(2027, 2, 19))).as("Friday 19 February: class").isFalse();
        assertThat(winter.contains(LocalDate.of(2027, 3, 7))).as("Sunday 7 March: holidays").isTrue();
        assertThat(winter.contains(LocalDate.of(2027, 3, 8))).as("Monday 8 March: back to class").isFalse();
    }

    @Test
    void academiesOfZoneBWithDifferentDatesAreNamedRatherThanGuessed() {
        String export = """
                Description;Population;Date de début;Date de fin;Académies;Zones;annee_scolaire
                Vacances de Printemps;Élèves;2027-04-17;2027-05-03;Lille;Zone B;2026-2027
                Vacances de Printemps;Élèves;2027-04-21;2027-05-10;Rennes;Zone B;2026-2027
                """;
        assertThatThrownBy(() -> SchoolHolidaysFile.read(new StringReader(export)))
                .hasMessageContaining("Vacances de Printemps").hasMessageContaining("Lille").hasMessageContaining("Rennes")
                .hasMessageContaining("gardez dans le fichier les lignes de l'académie de la ville");
    }

    @Test
    void anUnknownExportSaysWhichColumnIsMissingAndABadLineWhere() {
        assertThatThrownBy(() -> SchoolHolidaysFile.read(new StringReader("Description;Début;Fin\nToussaint;2026-10-17;2026-11-02\n")))
                .hasMessageContaining("absente").hasMessageContaining("Description, Début, Fin");
        assertThatThrownBy(() -> SchoolHolidaysFile.read(new StringReader("# commentaire\n2026-2027;Noël;2027-01-04;2026-12-19\n")))
                .hasMessageContaining("ligne").hasMessageContaining("Noël");
    }
}
