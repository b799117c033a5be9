package fr.portailfamille.billing;

import fr.portailfamille.system.Euros;
import fr.portailfamille.system.PortalTime;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/** An invoice as pages, mails and the PDF show it. */
record InvoiceView(long id, long familyFileId, String familyNumber, String familyName, String month, String number,
        InvoiceState state, Integer quotient, String quotientNote, BigDecimal total, BigDecimal paidAmount,
        LocalDate issuedOn, LocalDate dueOn, Instant paidAt, int pdfSize, List<Line> lines, List<Payment> payments, List<Days> days) {


    record Line(String childName, String activityName, String unitLabel, int quantity, int lateCancelled, BigDecimal unitPrice,
            String bracket, int siblingRank, BigDecimal amount) {

        public String amountText() {
            return Euros.of(amount);
        }

        public String unitPriceText() {
            return Euros.of(unitPrice);
        }
    }

    /** A child's days of an activity in the month: billed, and not billed, each with why. */
    record Days(String childName, String activityName, String billed, String notBilled) {}

    record Payment(String mode, BigDecimal amount, Instant paidAt) {

        public String modeLabel() {
            return switch (mode) {
                case "ESPECES" -> "espèces (guichet)";
                case "CHEQUE" -> "chèque (guichet)";
                case "CESU" -> "CESU (guichet)";
                case "EN_LIGNE" -> "paiement en ligne";
                case "PRELEVEMENT" -> "prélèvement SEPA";
                case "AVOIR" -> "avoir (correction des présences)";
                default -> mode.toLowerCase();
            };
        }

        public String amountText() {
            return Euros.of(amount);
        }

        public String paidOnText() {
            return PortalTime.DATE.format(paidAt.atZone(PortalTime.ZONE));
        }
    }

    /** The same invoice once published: its number and dates. */
    InvoiceView published(String newNumber, LocalDate issued, LocalDate due) {
        return new InvoiceView(id, familyFileId, familyNumber, familyName, month, newNumber, InvoiceState.PENDING, quotient,
                quotientNote, total, paidAmount, issued, due, paidAt, pdfSize, lines, payments, days);
    }

    /** « mars 2026 ». */
    public String period() {
        return YearMonth.parse(month).format(PortalTime.MONTH);
    }

    public String totalText() {
        return Euros.of(total);
    }

    public BigDecimal amountDue() {
        return total.subtract(paidAmount).max(BigDecimal.ZERO);
    }

    public String amountDueText() {
        return Euros.of(amountDue());
    }

    public String dueOnText() {
        return dueOn == null ? "" : PortalTime.DATE.format(dueOn);
    }

    public String issuedOnText() {
        return issuedOn == null ? "" : PortalTime.DATE.format(issuedOn);
    }

    /** The size of the stored PDF as the guide shows it: « (Pdf,12ko) », rounded up to the next kilobyte. */
    public String pdfSizeText() {
        return "(Pdf," + kilobytes(pdfSize) + "ko)";
    }

    static long kilobytes(long bytes) {
        return Math.max(1, (bytes + 1023) / 1024);
    }

}
