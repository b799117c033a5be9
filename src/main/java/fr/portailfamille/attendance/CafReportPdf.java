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
import fr.portailfamille.system.PortalProperties;
import fr.portailfamille.system.PortalTime;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;

/** The CAF report as a one-page PDF (OpenPDF, A4 portrait): the town's header, the activity and month, the table with its totals. */
@Component
class CafReportPdf {

    private static final Font TOWN = new Font(Font.HELVETICA, 13, Font.BOLD, new Color(0, 74, 153));
    private static final Font TITLE = new Font(Font.HELVETICA, 12, Font.BOLD);
    private static final Font TEXT = new Font(Font.HELVETICA, 9);
    private static final Font CELL = new Font(Font.HELVETICA, 9);
    private static final Font CELL_BOLD = new Font(Font.HELVETICA, 9, Font.BOLD);
    private static final Font CELL_HEAD = new Font(Font.HELVETICA, 9, Font.BOLD, Color.WHITE);
    private static final Color BLUE = new Color(0, 74, 153);
    private static final Color TOTAL = new Color(230, 236, 245);

    private final PortalProperties portal;

    CafReportPdf(PortalProperties portal) {
        this.portal = portal;
    }

    byte[] render(CafReport.Report report, LocalDate madeOn) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 36, 36, 36, 36);
        PdfWriter.getInstance(document, out);
        document.open();
        try {
            document.add(new Paragraph(portal.townName(), TOWN));
            document.add(new Paragraph("Rapport CAF – prestation de service", TITLE));
            document.add(new Paragraph(report.activity().name() + " – " + report.monthLabel()
                    + " – en actes (un acte : " + report.unit() + ")", TEXT));
            document.add(new Paragraph("Établi le " + PortalTime.DATE.format(madeOn)
                    + ". Âge de l'enfant le jour de l'acte ; régime allocataire du dossier famille.", TEXT));
            document.add(new Paragraph(" ", TEXT));
            PdfPTable table = new PdfPTable(new float[] {3.2f, 2.2f, 1.4f, 1.4f, 1.4f});
            table.setWidthPercentage(100);
            table.setHeaderRows(1);
            for (String head : List.of("Régime", "Âge", "Réservés", "Réalisés", "Facturés")) {
                PdfPCell cell = new PdfPCell(new Phrase(head, CELL_HEAD));
                cell.setBackgroundColor(BLUE);
                table.addCell(cell);
            }
            for (CafReport.Line line : report.lines()) {
                Font font = line.total() ? CELL_BOLD : CELL;
                table.addCell(cell(line.scheme(), font, line.total(), false));
                table.addCell(cell(line.ageBand(), font, line.total(), false));
                table.addCell(cell(String.valueOf(line.figures().booked()), font, line.total(), true));
                table.addCell(cell(String.valueOf(line.figures().realised()), font, line.total(), true));
                table.addCell(cell(String.valueOf(line.figures().billed()), font, line.total(), true));
            }
            document.add(table);
        } catch (DocumentException e) {
            throw new IllegalStateException("PDF non généré", e);
        } finally {
            document.close();
        }
        return out.toByteArray();
    }

    private static PdfPCell cell(String text, Font font, boolean total, boolean number) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        if (total) {
            cell.setBackgroundColor(TOTAL);
        }
        if (number) {
            cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
        }
        return cell;
    }
}
