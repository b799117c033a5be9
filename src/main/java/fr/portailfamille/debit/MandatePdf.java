package fr.portailfamille.debit;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import fr.portailfamille.system.PortalProperties;
import fr.portailfamille.system.PortalTime;
import java.io.ByteArrayOutputStream;
import org.springframework.stereotype.Component;

/**
 * The SEPA mandate as a PDF, as the family signed it (online, or on paper recorded by the Guichet
 * Unique): the creditor and its identifier, the RUM, the debtor, the account (IBAN masked but its
 * last four characters: the PDF travels by mail), the kind of payment, the date, and the text every
 * SEPA Core mandate carries about the debtor's rights.
 */
@Component
class MandatePdf {

    private static final Font TITLE = new Font(Font.HELVETICA, 15, Font.BOLD);
    private static final Font HEADING = new Font(Font.HELVETICA, 11, Font.BOLD);
    private static final Font TEXT = new Font(Font.HELVETICA, 10);
    private static final Font SMALL = new Font(Font.HELVETICA, 8);

    private final PortalProperties portal;
    private final DebitProperties debit;

    MandatePdf(PortalProperties portal, DebitProperties debit) {
        this.portal = portal;
        this.debit = debit;
    }

    byte[] of(Mandate mandate, String familyName, String fileNumber) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 48, 48, 48, 48);
        PdfWriter.getInstance(document, out);
        document.open();
        try {
            document.add(new Paragraph("Mandat de prélèvement SEPA", TITLE));
            document.add(new Paragraph("Référence unique du mandat (RUM) : " + mandate.rum(), HEADING));
            document.add(new Paragraph(" ", TEXT));
            document.add(new Paragraph(rightsText(), TEXT));
            document.add(new Paragraph(" ", TEXT));
            PdfPTable table = new PdfPTable(new float[] {2, 3});
            table.setWidthPercentage(100);
            row(table, "Créancier", portal.townName() + " – Régie unique");
            row(table, "Identifiant créancier SEPA (ICS)", debit.creditorId());
            row(table, "Débiteur", "Famille " + familyName + " (dossier famille n° " + fileNumber + ")");
            row(table, "Titulaire du compte", mandate.holder());
            row(table, "IBAN du compte à débiter", mandate.maskedIban());
            row(table, "BIC", mandate.bic() == null || mandate.bic().isBlank() ? "non indiqué" : mandate.bic());
            row(table, "Type de paiement", "Paiement récurrent (factures de la Régie unique)");
            row(table, "Date de signature", PortalTime.DATE.format(mandate.signedOn()));
            row(table, "Signature", mandate.channel() == Mandate.Channel.EN_LIGNE
                    ? "Signé en ligne sur le Portail Famille, par la case cochée du formulaire"
                    : "Mandat papier signé, enregistré par le Guichet Unique");
            document.add(table);
            document.add(new Paragraph(" ", TEXT));
            document.add(new Paragraph("Vous êtes informé de chaque prélèvement au moins " + debit.prenotificationDays()
                    + " jours avant sa date, par le courriel de la facture et sur la page Facturation du portail. Vous pouvez modifier vos "
                    + "coordonnées bancaires ou révoquer ce mandat à tout moment depuis la page « Payer par prélèvement » ou au "
                    + "Guichet Unique.", TEXT));
            document.add(new Paragraph(" ", TEXT));
            document.add(new Paragraph("Note : vos droits concernant ce mandat sont expliqués dans un document que vous pouvez obtenir "
                    + "auprès de votre banque.", SMALL));
        } catch (DocumentException e) {
            throw new IllegalStateException("PDF du mandat non généré", e);
        } finally {
            document.close();
        }
        return out.toByteArray();
    }

    /** The text of the SEPA Core mandate form about what the debtor authorises and the refund right. */
    String rightsText() {
        String creditor = portal.townName();
        return "En signant ce formulaire de mandat, vous autorisez (A) " + creditor + " à envoyer des instructions à votre banque pour "
                + "débiter votre compte, et (B) votre banque à débiter votre compte conformément aux instructions de " + creditor
                + ". Vous bénéficiez du droit d'être remboursé par votre banque selon les conditions décrites dans la convention que "
                + "vous avez passée avec elle. Une demande de remboursement doit être présentée dans les 8 semaines suivant la date "
                + "de débit de votre compte pour un prélèvement autorisé.";
    }

    private static void row(PdfPTable table, String label, String value) {
        table.addCell(new Paragraph(label, HEADING));
        table.addCell(new Paragraph(value, TEXT));
    }
}
