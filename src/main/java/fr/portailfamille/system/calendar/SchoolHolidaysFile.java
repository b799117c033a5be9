package fr.portailfamille.system.calendar;

import fr.portailfamille.system.PortalTime;
import fr.portailfamille.system.calendar.TownCalendar.SchoolHoliday;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the school holidays of zone B from {@code calendar/vacances-zone-b.csv}, in either of two forms:
 * <ul>
 * <li>ours: {@code année scolaire;libellé;premier jour sans classe;jour de reprise}, one period a line,
 * {@code #} comments;</li>
 * <li>the Ministry of Education's open-data export « Calendrier scolaire » ({@code fr-en-calendrier-scolaire},
 * data.education.gouv.fr), as downloaded (CSV, {@code ;}): one line per period and academy, with the
 * columns {@code Description}, {@code Population}, {@code Date de début}, {@code Date de fin},
 * {@code Académies}, {@code Zones}, {@code annee_scolaire} (or their API names {@code start_date},
 * {@code end_date}, {@code location}…). Only the pupils' periods of « Zone B » are kept (not the
 * teachers' lines, not the « rentrée » days); its dates, instants in any offset, are read as days in
 * Paris: the start is the first day without class, the end the day classes resume. A period whose end
 * is not yet published (the summer before the next year's calendar) ends on 1 September, the earliest
 * « rentrée » the national calendar allows. The academies of zone B normally share their dates; if
 * they differ, the file is refused with the names, so that the town keeps its own academy's lines.</li>
 * </ul>
 */
final class SchoolHolidaysFile {

    private static final String ZONE = "Zone B";

    private SchoolHolidaysFile() {}

    static List<SchoolHoliday> read(Reader reader) {
        String text;
        try {
            java.io.StringWriter all = new java.io.StringWriter();
            reader.transferTo(all);
            text = all.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String firstLine = text.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).findFirst().orElse("");
        List<SchoolHoliday> holidays = normalized(firstLine).startsWith("description") ? ministryExport(text) : ours(text);
        return holidays.stream().sorted(Comparator.comparing(SchoolHoliday::firstDay)).toList();
    }

    private static List<SchoolHoliday> ours(String text) {
        List<SchoolHoliday> holidays = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(';').setCommentMarker('#').setIgnoreEmptyLines(true)
                .setTrim(true).get();
        for (CSVRecord line : parse(text, format)) {
            if (line.size() < 4) {
                throw new IllegalStateException("calendrier scolaire, ligne " + line.getRecordNumber()
                        + " : quatre colonnes attendues (année scolaire;libellé;premier jour sans classe;jour de reprise)");
            }
            holidays.add(period(line.get(0), line.get(1), day(line.get(2)), day(line.get(3)), line.getRecordNumber()));
        }
        return holidays;
    }

    private static List<SchoolHoliday> ministryExport(String text) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).get();
        List<CSVRecord> lines;
        Map<String, String> columns = new LinkedHashMap<>();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(format).get()) {
            parser.getHeaderNames().forEach(name -> columns.put(normalized(name), name));
            lines = parser.getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw new IllegalStateException("calendrier scolaire illisible : " + e.getMessage(), e);
        }
        String description = column(columns, "description");
        String population = column(columns, "population");
        String start = column(columns, "startdate", "datededebut");
        String end = column(columns, "enddate", "datedefin");
        String zones = column(columns, "zones", "zone");
        String year = column(columns, "anneescolaire");
        String academy = columns.getOrDefault("location", columns.getOrDefault("academies", columns.get("academie")));

        // one period per (school year, description); every academy of the zone should give the same dates
        Map<String, Map<String, Set<String>>> datesByPeriod = new LinkedHashMap<>();
        Map<String, SchoolHoliday> periods = new LinkedHashMap<>();
        for (CSVRecord line : lines) {
            String label = line.get(description);
            if (!ZONE.equalsIgnoreCase(line.get(zones)) || normalized(line.get(population)).startsWith("enseignant")
                    || normalized(label).contains("rentree")) {
                continue;
            }
            LocalDate firstDay = day(line.get(start));
            String endText = line.get(end);
            LocalDate returnDay = endText.isEmpty() ? LocalDate.of(firstDay.getYear(), 9, 1) : day(endText);
            SchoolHoliday period = period(line.get(year), label, firstDay, returnDay, line.getRecordNumber());
            String key = period.schoolYear() + " " + label;
            periods.putIfAbsent(key, period);
            datesByPeriod.computeIfAbsent(key, k -> new LinkedHashMap<>())
                    .computeIfAbsent(firstDay + " → " + returnDay, k -> new TreeSet<>())
                    .add(academy == null ? "?" : line.get(academy));
        }
        datesByPeriod.forEach((key, dates) -> {
            if (dates.size() > 1) {
                throw new IllegalStateException("calendrier scolaire : les académies de la zone B n'ont pas les mêmes dates pour « "
                        + key + " » (" + dates + ") : gardez dans le fichier les lignes de l'académie de la ville");
            }
        });
        return new ArrayList<>(periods.values());
    }

    private static List<CSVRecord> parse(String text, CSVFormat format) {
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(format).get()) {
            return parser.getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw new IllegalStateException("calendrier scolaire illisible : " + e.getMessage(), e);
        }
    }

    private static String column(Map<String, String> columns, String... names) {
        for (String name : names) {
            if (columns.containsKey(name)) {
                return columns.get(name);
            }
        }
        throw new IllegalStateException("calendrier scolaire : colonne « " + names[names.length - 1] + " » absente (colonnes lues : "
                + String.join(", ", columns.values()) + ")");
    }

    private static SchoolHoliday period(String schoolYear, String label, LocalDate firstDay, LocalDate returnDay, long line) {
        if (!returnDay.isAfter(firstDay)) {
            throw new IllegalStateException("calendrier scolaire, ligne " + line + " : « " + label + " » reprend le " + returnDay
                    + ", pas après son premier jour " + firstDay);
        }
        return new SchoolHoliday(schoolYear, label, firstDay, returnDay);
    }

    /** A day, written {@code 2026-10-17} or as an instant ({@code 2026-10-16T22:00:00+00:00}) read in Paris. */
    private static LocalDate day(String text) {
        try {
            return text.contains("T") ? OffsetDateTime.parse(text).atZoneSameInstant(PortalTime.ZONE).toLocalDate() : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("calendrier scolaire : date illisible « " + text + " »", e);
        }
    }

    /** Lower case, without accents, spaces or punctuation: « Date de début » → {@code datededebut}. */
    private static String normalized(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]", "");
    }
}
