package fr.portailfamille.billing;

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
import fr.portailfamille.system.Euros;
import fr.portailfamille.system.PortalProperties;
import fr.portailfamille.system.PortalTime;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The PDF documents of the Régie unique (OpenPDF): the invoice, generated once at publication and
 * stored, and the tax certificate of childcare paid for young children.
 */
@Component
class InvoicePdf {

    private static final Font TITLE = new Font(Font.HELVETICA, 16, Font.BOLD);
    private static final Font HEADING = new Font(Font.HELVETICA, 11, Font.BOLD);
    private static final Font TEXT = new Font(Font.HELVETICA, 10);
    private static final Font SMALL = new Font(Font.HELVETICA, 8);
    private static final Font CELL_HEAD = new Font(Font.HELVETICA, 8, Font.BOLD, Color.WHITE);
    private static final Color BLUE = new Color(0, 74, 153);

    private final PortalProperties portal;

    InvoicePdf(PortalProperties portal) {
        this.portal = portal;
    }

    byte[] invoice(InvoiceView invoice) {
        return render(document -> {
            header(document);
            document.add(new Paragraph("Facture n° " + invoice.number(), TITLE));
            document.add(new Paragraph("Période facturée : " + invoice.period(), TEXT));
            document.add(new Paragraph("Date d'émission : " + invoice.issuedOnText(), TEXT));
            document.add(new Paragraph("Date d'échéance : " + invoice.dueOnText(), TEXT));
            document.add(spacer());
            document.add(new Paragraph("Famille " + invoice.familyName(), HEADING));
            document.add(new Paragraph("Dossier famille n° " + invoice.familyNumber(), TEXT));
            document.add(new Paragraph(invoice.quotient() == null ? "Quotient familial : non fourni"
                    : "Quotient familial : " + invoice.quotient(), TEXT));
            if (invoice.quotientNote() != null) {
                document.add(new Paragraph(invoice.quotientNote(), TEXT));
            }
            document.add(spacer());

            PdfPTable table = new PdfPTable(new float[] {3.2f, 3.6f, 2.2f, 1.3f, 1.8f, 2.6f, 1f, 2f});
            table.setWidthPercentage(100);
            heads(table, List.of("Enfant", "Activité", "Unité", "Qté", "Prix unitaire", "Tranche", "Rang", "Montant"));
            for (InvoiceView.Line line : invoice.lines()) {
                table.addCell(cell(line.childName()));
                table.addCell(cell(line.activityName() + (line.lateCancelled() > 0
                        ? " (dont " + line.lateCancelled() + " annulation(s) hors délai)" : "")));
                table.addCell(cell(line.unitLabel()));
                table.addCell(right(String.valueOf(line.quantity())));
                table.addCell(right(line.unitPriceText()));
                table.addCell(cell(line.bracket()));
                table.addCell(right(String.valueOf(line.siblingRank())));
                table.addCell(right(line.amountText()));
            }
            document.add(table);
            if (!invoice.days().isEmpty()) {
                document.add(spacer());
                document.add(new Paragraph("Détail des jours du mois", HEADING));
                PdfPTable days = new PdfPTable(new float[] {3f, 3.4f, 5.3f, 5.3f});
                days.setWidthPercentage(100);
                heads(days, List.of("Enfant", "Activité", "Jours facturés", "Jours non facturés"));
                for (InvoiceView.Days d : invoice.days()) {
                    days.addCell(cell(d.childName()));
                    days.addCell(cell(d.activityName()));
                    days.addCell(cell(d.billed().isEmpty() ? "aucun" : d.billed()));
                    days.addCell(cell(d.notBilled().isEmpty() ? "aucun" : d.notBilled()));
                }
                document.add(days);
            }
            Paragraph total = new Paragraph("Total à payer : " + invoice.totalText(), HEADING);
            total.setAlignment(Element.ALIGN_RIGHT);
            document.add(total);
            document.add(spacer());

            document.add(new Paragraph("Comment payer avant le " + invoice.dueOnText(), HEADING));
            document.add(new Paragraph("• En ligne, par carte bancaire, sur le Portail Famille (onglet Facturation) : "
                    + portal.link("/facturation"), TEXT));
            document.add(new Paragraph("• Au guichet de la Régie unique : espèces, chèque à l'ordre du Trésor public ou CESU, "
                    + "en rappelant le numéro de la facture.", TEXT));
            document.add(spacer());
            legalMentions(document, List.of(
                    "Facture émise par la Régie unique de " + portal.townName() + " pour les services périscolaires et extrascolaires.",
                    "TVA non applicable (article 256 B du Code général des impôts).",
                    "À défaut de paiement à l'échéance, le recouvrement sera confié au comptable public par un titre exécutoire. "
                            + "Aucun escompte pour paiement anticipé.",
                    "Réclamation : par la Messagerie du portail ou au Guichet Unique, dans les deux mois suivant la réception."));
        });
    }

    /** What a desk payment's receipt says. */
    record Receipt(String number, String familyName, String familyNumber, List<InvoiceView> invoices, java.math.BigDecimal amount,
            String modeLabel, java.time.Instant receivedAt, String agent, java.math.BigDecimal credit) {}

    byte[] receipt(Receipt receipt) {
        return render(document -> {
            header(document);
            document.add(new Paragraph("Reçu de paiement n° " + receipt.number(), TITLE));
            document.add(new Paragraph("Reçu le " + PortalTime.DATE_TIME.format(receipt.receivedAt().atZone(PortalTime.ZONE))
                    + " au guichet de la Régie unique", TEXT));
            document.add(new Paragraph("Agent : " + receipt.agent(), TEXT));
            document.add(spacer());
            document.add(new Paragraph("Famille " + receipt.familyName(), HEADING));
            document.add(new Paragraph("Dossier famille n° " + receipt.familyNumber(), TEXT));
            document.add(spacer());
            PdfPTable table = new PdfPTable(new float[] {4f, 4f, 3f});
            table.setWidthPercentage(80);
            heads(table, List.of("Facture réglée", "Période", "Montant réglé"));
            for (InvoiceView invoice : receipt.invoices()) {
                table.addCell(cell(invoice.number()));
                table.addCell(cell(invoice.period()));
                table.addCell(right(Euros.of(invoice.amountDue())));
            }
            document.add(table);
            document.add(new Paragraph("Montant reçu : " + Euros.of(receipt.amount()), HEADING));
            document.add(new Paragraph("Mode de paiement : " + receipt.modeLabel(), TEXT));
            if (receipt.credit().signum() > 0) {
                document.add(new Paragraph("Trop-perçu gardé en avoir sur le dossier : " + Euros.of(receipt.credit()), TEXT));
            }
            document.add(spacer());
            legalMentions(document, List.of(
                    "Reçu délivré par la Régie unique de " + portal.townName() + " pour les services périscolaires et extrascolaires.",
                    "Conservez ce reçu : il vaut preuve du paiement des factures ci-dessus."));
        });
    }

    /** The credit note of attendance corrected after an invoice was published. */
    byte[] creditNote(Corrections.CreditNoteView note) {
        return render(document -> {
            header(document);
            document.add(new Paragraph("Avoir n° " + note.number(), TITLE));
            document.add(new Paragraph("Date d'émission : " + PortalTime.DATE.format(note.issuedOn()), TEXT));
            document.add(new Paragraph("Facture corrigée : n° " + note.invoiceNumber() + " (" + note.period() + ")", TEXT));
            document.add(spacer());
            document.add(new Paragraph("Famille " + note.familyName(), HEADING));
            document.add(new Paragraph("Dossier famille n° " + note.familyNumber(), TEXT));
            document.add(spacer());
            document.add(new Paragraph("Les présences de " + note.period() + " ont été corrigées après l'émission de la facture, "
                    + "qui reste inchangée. Les jours ci-dessous ne sont plus facturés :", TEXT));
            PdfPTable table = new PdfPTable(new float[] {3f, 3.4f, 7f, 2f});
            table.setWidthPercentage(100);
            heads(table, List.of("Enfant", "Activité", "Jours après correction", "Montant"));
            for (Corrections.Part part : note.parts()) {
                table.addCell(cell(part.childName()));
                table.addCell(cell(part.activityName()));
                table.addCell(cell(part.why()));
                table.addCell(right(part.amountText()));
            }
            document.add(table);
            Paragraph total = new Paragraph("Montant de l'avoir : " + note.amountText(), HEADING);
            total.setAlignment(Element.ALIGN_RIGHT);
            document.add(total);
            document.add(spacer());
            document.add(new Paragraph("Cet avoir est déduit de ce qui reste à payer sur la facture n° " + note.invoiceNumber()
                    + " ; le reste éventuel est conservé comme crédit de votre famille pour les prochaines factures.", TEXT));
            legalMentions(document, List.of("Avoir émis par la Régie unique de " + portal.townName() + ".",
                    "TVA non applicable (article 256 B du Code général des impôts)."));
        });
    }

    /** One child's childcare paid in the year, for the certificate. */
    record CertificateLine(String childName, LocalDate birthDate, java.math.BigDecimal amount) {}

    byte[] taxCertificate(String familyName, String familyNumber, int year, List<CertificateLine> lines, LocalDate issuedOn) {
        return render(document -> {
            header(document);
            document.add(new Paragraph("Attestation fiscale " + year, TITLE));
            document.add(new Paragraph("Frais de garde des enfants de moins de 6 ans", HEADING));
            document.add(spacer());
            document.add(new Paragraph("La Régie unique de " + portal.townName() + " atteste que la famille " + familyName
                    + " (dossier famille n° " + familyNumber + ") a payé en " + year + " les sommes suivantes pour l'accueil "
                    + "de ses enfants de moins de 6 ans au 1er janvier " + year + " (accueil de loisirs et accueil périscolaire, "
                    + "hors restauration scolaire) :", TEXT));
            document.add(spacer());
            PdfPTable table = new PdfPTable(new float[] {4f, 3f, 3f});
            table.setWidthPercentage(80);
            heads(table, List.of("Enfant", "Né(e) le", "Montant payé"));
            java.math.BigDecimal total = java.math.BigDecimal.ZERO;
            for (CertificateLine line : lines) {
                table.addCell(cell(line.childName()));
                table.addCell(cell(PortalTime.DATE.format(line.birthDate())));
                table.addCell(right(Euros.of(line.amount())));
                total = total.add(line.amount());
            }
            document.add(table);
            document.add(new Paragraph("Total payé en " + year + " : " + Euros.of(total), HEADING));
            if (lines.isEmpty()) {
                document.add(new Paragraph("Aucune somme de ce type n'a été payée cette année-là.", TEXT));
            }
            document.add(spacer());
            document.add(new Paragraph("Fait le " + PortalTime.DATE.format(issuedOn) + ", pour servir et valoir ce que de droit.", TEXT));
            legalMentions(document, List.of(
                    "Attestation délivrée pour le crédit d'impôt pour frais de garde des jeunes enfants (article 200 quater B du "
                            + "Code général des impôts). Les sommes sont celles effectivement payées pendant l'année civile."));
        });
    }

    private void header(Document document) {
        Paragraph town = new Paragraph(portal.townName(), new Font(Font.HELVETICA, 13, Font.BOLD, BLUE));
        document.add(town);
        document.add(new Paragraph("Régie unique – Guichet Unique", HEADING));
        document.add(spacer());
    }

    private static void legalMentions(Document document, List<String> mentions) {
        document.add(new Paragraph("Mentions légales", SMALL));
        for (String mention : mentions) {
            document.add(new Paragraph(mention, SMALL));
        }
    }

    /** The table's header row, white on the town's blue. */
    private static void heads(PdfPTable table, List<String> heads) {
        for (String head : heads) {
            PdfPCell cell = new PdfPCell(new Phrase(head, CELL_HEAD));
            cell.setBackgroundColor(BLUE);
            table.addCell(cell);
        }
    }

    private static PdfPCell cell(String text) {
        return new PdfPCell(new Phrase(text, SMALL));
    }

    private static PdfPCell right(String text) {
        PdfPCell cell = cell(text);
        cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
        return cell;
    }

    private static Paragraph spacer() {
        return new Paragraph(" ", TEXT);
    }

    private interface Content {
        void write(Document document) throws DocumentException;
    }

    private static byte[] render(Content content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 40, 40, 40, 40);
        PdfWriter.getInstance(document, out);
        document.open();
        try {
            content.write(document);
        } catch (DocumentException e) {
            throw new IllegalStateException("PDF non généré", e);
        } finally {
            document.close();
        }
        return out.toByteArray();
    }
}
