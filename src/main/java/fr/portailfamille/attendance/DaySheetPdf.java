package fr.portailfamille.attendance;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import fr.portailfamille.family.ChildCareCard;
import fr.portailfamille.system.PortalProperties;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The printed day sheet (OpenPDF, A4 landscape): one page per group of {@value #PER_PAGE} children,
 * each with age and class, health points, pick-up persons and parents with their phones, and boxes
 * to tick by hand (or what was already recorded).
 */
@Component
class DaySheetPdf {

    static final int PER_PAGE = 25;

    private static final Font TITLE = new Font(Font.HELVETICA, 13, Font.BOLD);
    private static final Font TEXT = new Font(Font.HELVETICA, 9);
    private static final Font SMALL = new Font(Font.HELVETICA, 7);
    private static final Font ALERT = new Font(Font.HELVETICA, 7, Font.BOLD, new Color(160, 0, 0));
    private static final Font CELL_HEAD = new Font(Font.HELVETICA, 7, Font.BOLD, Color.WHITE);
    private static final Color BLUE = new Color(0, 74, 153);

    private final PortalProperties portal;

    DaySheetPdf(PortalProperties portal) {
        this.portal = portal;
    }

    byte[] render(DaySheets.Sheet sheet) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4.rotate(), 24, 24, 24, 24);
        PdfWriter.getInstance(document, out);
        document.open();
        try {
            List<DaySheets.Row> rows = sheet.rows();
            int pages = Math.max(1, (rows.size() + PER_PAGE - 1) / PER_PAGE);
            for (int page = 0; page < pages; page++) {
                if (page > 0) {
                    document.newPage();
                }
                document.add(new Paragraph(portal.townName() + " – Feuille de présence", TITLE));
                document.add(new Paragraph(sheet.activity().name() + " – " + sheet.dayLabel()
                        + (sheet.closed() ? " – " + sheet.closedText() : "")
                        + " – page " + (page + 1) + " sur " + pages + " – " + sheet.expected() + " enfant(s) attendu(s)", TEXT));
                document.add(new Paragraph(" ", SMALL));
                document.add(table(sheet, rows.subList(page * PER_PAGE, Math.min(rows.size(), (page + 1) * PER_PAGE))));
            }
        } catch (DocumentException e) {
            throw new IllegalStateException("PDF non généré", e);
        } finally {
            document.close();
        }
        return out.toByteArray();
    }

    private static PdfPTable table(DaySheets.Sheet sheet, List<DaySheets.Row> rows) throws DocumentException {
        List<String> heads = new ArrayList<>(List.of("Enfant", "Âge / classe", "Santé", "Personnes autorisées", "Parents", "Pointage"));
        float[] widths = sheet.timed() ? new float[] {3f, 1.6f, 3.2f, 3.6f, 3.6f, 2f, 1.2f, 1.2f} : new float[] {3f, 1.6f, 3.4f, 3.8f, 3.8f, 2.4f};
        if (sheet.timed()) {
            heads.add("Arrivée");
            heads.add("Départ");
        }
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        for (String head : heads) {
            PdfPCell cell = new PdfPCell(new Phrase(head, CELL_HEAD));
            cell.setBackgroundColor(BLUE);
            table.addCell(cell);
        }
        for (DaySheets.Row row : rows) {
            ChildCareCard card = row.card();
            table.addCell(cell(card.fullName() + (row.booked() ? "" : " (sans réservation)"), TEXT));
            table.addCell(cell(row.age() + " ans" + (card.schoolClass() == null || card.schoolClass().isBlank() ? "" : " – " + card.schoolClass()), SMALL));
            table.addCell(cell(health(card), card.healthAlert() ? ALERT : SMALL));
            table.addCell(cell(contacts(card.pickupPersons()), SMALL));
            table.addCell(cell(contacts(card.parents()), SMALL));
            table.addCell(cell(row.entry() == null ? "[  ] présent    [  ] absent" : row.statusLabel(), SMALL));
            if (sheet.timed()) {
                table.addCell(cell(row.arrival(), SMALL));
                table.addCell(cell(row.departure(), SMALL));
            }
        }
        return table;
    }

    static String health(ChildCareCard card) {
        List<String> points = new ArrayList<>();
        if (card.pai()) {
            points.add("PAI" + (card.paiDetails() == null || card.paiDetails().isBlank() ? "" : " : " + card.paiDetails()));
        }
        if (card.hasAllergies()) {
            points.add("Allergies : " + card.allergies());
        }
        if (card.hasDiet()) {
            points.add("Régime : " + card.diet());
        }
        return points.isEmpty() ? "—" : String.join(" ; ", points);
    }

    private static String contacts(List<ChildCareCard.Contact> contacts) {
        if (contacts.isEmpty()) {
            return "aucune";
        }
        return contacts.stream().map(c -> c.name() + (c.relationship() == null || c.relationship().isBlank() ? "" : " (" + c.relationship() + ")")
                + (c.phones().isEmpty() ? "" : " " + String.join(", ", c.phones()))).collect(Collectors.joining("\n"));
    }

    private static PdfPCell cell(String text, Font font) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
        cell.setPadding(3);
        return cell;
    }
}
