package fr.portailfamille.dunning;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import fr.portailfamille.family.FamilyFiles;
import fr.portailfamille.family.FamilyOverview;
import fr.portailfamille.system.PortalProperties;
import fr.portailfamille.system.PortalTime;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The reminders of the families without an e-mail address, as letters: one page each (the town,
 * the family's name and postal address, the date, the words sent), gathered into one PDF per day
 * for the finances to print and post.
 */
@Component
class ReminderLetters {

    private static final Font TOWN = new Font(Font.HELVETICA, 13, Font.BOLD);
    private static final Font TEXT = new Font(Font.HELVETICA, 11);
    private static final Font BOLD = new Font(Font.HELVETICA, 11, Font.BOLD);

    private final DunningStore store;
    private final FamilyFiles families;
    private final PortalProperties portal;

    ReminderLetters(DunningStore store, FamilyFiles families, PortalProperties portal) {
        this.store = store;
        this.families = families;
        this.portal = portal;
    }

    /** The letters of the reminders sent on this day (Paris time), one per page; empty list: no letter that day. */
    List<DunningStore.Reminder> of(LocalDate day) {
        return store.lettersBetween(day.atStartOfDay(PortalTime.ZONE).toInstant(),
                day.plusDays(1).atStartOfDay(PortalTime.ZONE).toInstant());
    }

    byte[] pdf(LocalDate day) {
        List<DunningStore.Reminder> letters = of(day);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 60, 60, 50, 50);
        PdfWriter.getInstance(document, out);
        document.open();
        try {
            if (letters.isEmpty()) {
                document.add(new Paragraph("Aucune relance par courrier le " + PortalTime.DATE.format(day) + ".", TEXT));
            }
            boolean first = true;
            for (DunningStore.Reminder letter : letters) {
                if (!first) {
                    document.newPage();
                }
                first = false;
                page(document, letter);
            }
        } catch (DocumentException e) {
            throw new IllegalStateException("courriers de relance non générés", e);
        } finally {
            document.close();
        }
        return out.toByteArray();
    }

    private void page(Document document, DunningStore.Reminder letter) throws DocumentException {
        FamilyOverview family = families.overview(letter.familyFileId(), letter.sentAt().atZone(PortalTime.ZONE).toLocalDate());
        document.add(new Paragraph(portal.townName() + " – Régie unique", TOWN));
        document.add(new Paragraph(" ", TEXT));
        Paragraph address = new Paragraph();
        address.setIndentationLeft(260);
        address.add(new Paragraph(String.join(" et ", family.guardians().isEmpty() ? List.of("Famille " + family.summary().name())
                : family.guardians()), TEXT));
        address.add(new Paragraph(family.address() == null || family.address().isBlank() ? "(adresse postale non renseignée)"
                : family.address(), TEXT));
        address.add(new Paragraph("Dossier famille n° " + family.summary().number(), TEXT));
        document.add(address);
        document.add(new Paragraph(" ", TEXT));
        document.add(new Paragraph("Le " + PortalTime.DATE.format(letter.sentAt().atZone(PortalTime.ZONE)), TEXT));
        document.add(new Paragraph(" ", TEXT));
        document.add(new Paragraph("Objet : " + letter.subject(), BOLD));
        document.add(new Paragraph(" ", TEXT));
        for (String paragraph : letter.body().split("\n")) {
            Paragraph p = new Paragraph(paragraph, TEXT);
            p.setSpacingAfter(8);
            document.add(p);
        }
        document.add(new Paragraph(" ", TEXT));
        document.add(new Paragraph("La Régie unique", TEXT));
    }
}
