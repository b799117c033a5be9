package fr.portailfamille.system.export;

import java.util.List;

/** A table to download: its column titles and its rows (values typed: numbers, dates and times are formatted for a French spreadsheet). */
public record Spreadsheet(List<String> headers, List<List<Object>> rows) {

    public Spreadsheet {
        headers = List.copyOf(headers);
        rows = List.copyOf(rows);
    }
}
