package fr.portailfamille.system.export;

import fr.portailfamille.system.PortalTime;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A spreadsheet as the CSV that LibreOffice and Excel open right in France: UTF-8 with a byte-order
 * mark (accents intact), semicolons between the columns, decimal commas without thousands
 * separators (so the cells stay numbers), dates as 31/12/2026, CRLF line ends. A text that a
 * spreadsheet would take for a formula (=, +, -, @) is prefixed with an apostrophe.
 */
public final class SpreadsheetCsv {

    public static final String MEDIA_TYPE = "text/csv;charset=UTF-8";
    private static final char BOM = '\uFEFF';
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final CSVFormat FORMAT = CSVFormat.Builder.create(CSVFormat.DEFAULT).setDelimiter(';')
            .setRecordSeparator("\r\n").get();

    private SpreadsheetCsv() {}

    public static byte[] bytes(Spreadsheet sheet) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                CSVPrinter printer = new CSVPrinter(writer, FORMAT)) {
            writer.write(BOM);
            printer.printRecord(sheet.headers().stream().map(SpreadsheetCsv::text).toList());
            for (List<Object> row : sheet.rows()) {
                printer.printRecord(row.stream().map(SpreadsheetCsv::cell).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal amount) {
            return amount.setScale(2, RoundingMode.HALF_UP).toPlainString().replace('.', ',');
        }
        if (value instanceof Number) {
            return value.toString();
        }
        if (value instanceof Boolean b) {
            return b ? "oui" : "non";
        }
        if (value instanceof LocalDate day) {
            return DAY.format(day);
        }
        if (value instanceof Instant instant) {
            return TIME.format(instant.atZone(PortalTime.ZONE));
        }
        return text(value.toString());
    }

    private static String text(String value) {
        String oneLine = value.replaceAll("[\\r\\n\\t]+", " ");
        return !oneLine.isEmpty() && "=+-@".indexOf(oneLine.charAt(0)) >= 0 ? "'" + oneLine : oneLine;
    }
}
