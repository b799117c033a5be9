package fr.portailfamille.billing;

import fr.portailfamille.family.FamilySummary;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * « Attestation fiscale »: the childcare (leisure centre, before/after school — not the canteen) a
 * family paid during a calendar year for its children under 6 on 1 January of that year.
 */
@Service
@Transactional(readOnly = true)
class TaxCertificates {

    private final JdbcClient jdbc;
    private final InvoicePdf pdf;
    private final Clock clock;

    TaxCertificates(JdbcClient jdbc, InvoicePdf pdf, Clock clock) {
        this.jdbc = jdbc;
        this.pdf = pdf;
        this.clock = clock;
    }

    List<InvoicePdf.CertificateLine> lines(long familyFileId, int year) {
        LocalDate firstOfJanuary = LocalDate.of(year, 1, 1);
        // invoices paid that year; each line counted in full (a paid invoice is settled entirely)
        return jdbc.sql("""
                select l.child_name, l.child_birth_date, sum(l.amount) as amount
                from invoice_line l join invoice i on i.id = l.invoice_id
                where i.family_file_id = ? and i.state = 'PAID' and i.paid_at >= ? and i.paid_at < ?
                  and l.childcare and l.child_birth_date > ?
                group by l.child_id, l.child_name, l.child_birth_date
                order by l.child_birth_date
                """)
                .params(familyFileId, java.sql.Timestamp.from(firstOfJanuary.atStartOfDay(fr.portailfamille.system.PortalTime.ZONE).toInstant()),
                        java.sql.Timestamp.from(firstOfJanuary.plusYears(1).atStartOfDay(fr.portailfamille.system.PortalTime.ZONE).toInstant()),
                        firstOfJanuary.minusYears(6))
                .query((rs, n) -> new InvoicePdf.CertificateLine(rs.getString(1), rs.getObject(2, LocalDate.class),
                        rs.getBigDecimal(3).setScale(2, java.math.RoundingMode.HALF_UP))).list();
    }

    byte[] certificate(FamilySummary family, int year) {
        return pdf.taxCertificate(family.name(), family.number(), year, lines(family.id(), year), LocalDate.now(clock));
    }

    static BigDecimal total(List<InvoicePdf.CertificateLine> lines) {
        return lines.stream().map(InvoicePdf.CertificateLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
