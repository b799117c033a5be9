package fr.portailfamille.debit;

import fr.portailfamille.family.FamilyFiles;
import fr.portailfamille.family.FamilySummary;
import fr.portailfamille.system.PortalTime;
import fr.portailfamille.system.mail.MailService;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

/**
 * The module's public service: the family's SEPA mandate signed online, recorded from paper by the
 * Guichet Unique, amended (new holder or account, RUM kept, the amendment sent with the next debit)
 * or revoked; each step recorded as an event and told to the family by mail (the mandate's PDF
 * attached when it is signed or changed).
 */
@Service
@Transactional(readOnly = true)
public class Mandates {

    /** Who acts for an online step: the family itself. */
    static final String FAMILY = "famille";

    private final MandateStore store;
    private final FamilyFiles families;
    private final MandatePdf pdf;
    private final MailService mail;
    private final DebitBatches batches;
    private final Clock clock;

    Mandates(MandateStore store, FamilyFiles families, MandatePdf pdf, MailService mail, DebitBatches batches, Clock clock) {
        this.store = store;
        this.batches = batches;
        this.families = families;
        this.pdf = pdf;
        this.mail = mail;
        this.clock = clock;
    }

    /** Whether the family pays by direct debit (an active mandate, not suspended after rejects). */
    public boolean paysByDirectDebit(long familyFileId) {
        return store.live(familyFileId).filter(m -> m.state() == Mandate.State.ACTIF).isPresent();
    }

    Optional<Mandate> live(long familyFileId) {
        return store.live(familyFileId);
    }

    List<MandateEvent> events(long familyFileId) {
        return store.eventsOf(familyFileId);
    }

    /**
     * Signs a mandate (online: today; paper: the day written on it). A family that already has a live
     * mandate gets an error on the form instead (a second tab, a double submit): nothing is created twice.
     */
    @Transactional
    Optional<Mandate> sign(long familyFileId, MandateForm form, Mandate.Channel channel, String byWhom, Errors errors) {
        FamilySummary family = families.find(familyFileId).orElseThrow();
        LocalDate signedOn = form instanceof PaperMandateForm paper ? paper.getSignedOn() : LocalDate.now(clock);
        String iban = SepaAccounts.normalized(form.getIban());
        Optional<Mandate> created = store.insert(familyFileId, family.number(), form.getHolder(), iban, bic(form), signedOn, channel,
                channel == Mandate.Channel.PAPIER ? byWhom : null, clock.instant());
        if (created.isEmpty()) {
            errors.reject("live", "Un mandat de prélèvement est déjà en place pour ce dossier : modifiez-le ou révoquez-le d'abord.");
            return Optional.empty();
        }
        Mandate mandate = created.get();
        store.event(mandate.id(), "SIGNE", clock.instant(), byWhom,
                (channel == Mandate.Channel.PAPIER ? "mandat papier du " + PortalTime.DATE.format(signedOn) + ", " : "") + "IBAN "
                        + mandate.maskedIban());
        mailMandate(family, mandate, "Votre mandat de prélèvement SEPA – " + mandate.rum(), "signed");
        return created;
    }

    /**
     * Changes the holder or the account of the live mandate (same RUM); false when there is none any
     * more. A file under review that holds its debit is built again with the new account.
     */
    @Transactional
    boolean amend(long familyFileId, MandateForm form, String byWhom) {
        Optional<Mandate> live = store.lockLive(familyFileId);
        if (live.isEmpty()) {
            return false;
        }
        String iban = SepaAccounts.normalized(form.getIban());
        store.amend(live.get(), form.getHolder(), iban, bic(form), clock.instant());
        if (live.get().state() == Mandate.State.SUSPENDU) {
            // suspended after the bank's rejects: new bank details put it back in force, its rejects counted afresh
            store.reactivate(live.get().id());
        }
        Mandate changed = store.find(live.get().id()).orElseThrow();
        batches.followMandate(changed.id());
        store.event(changed.id(), "MODIFIE", clock.instant(), byWhom, "titulaire " + changed.holder() + ", IBAN " + changed.maskedIban()
                + (live.get().state() == Mandate.State.SUSPENDU ? ", mandat réactivé" : ""));
        mailMandate(families.find(familyFileId).orElseThrow(), changed, "Modification de votre mandat de prélèvement SEPA – " + changed.rum(),
                "amended");
        return true;
    }

    /**
     * Revokes the live mandate: no debit is prepared under it any more, and those waiting in a batch
     * not transmitted yet are withdrawn (the invoices offered to card payment again); false when there is none.
     */
    @Transactional
    boolean revoke(long familyFileId, String byWhom) {
        Optional<Mandate> live = store.lockLive(familyFileId);
        if (live.isEmpty()) {
            return false;
        }
        store.revoke(live.get().id(), clock.instant());
        store.event(live.get().id(), "REVOQUE", clock.instant(), byWhom, null);
        batches.followMandate(live.get().id());
        FamilySummary family = families.find(familyFileId).orElseThrow();
        Map<String, Object> model = Map.of("rum", live.get().rum(), "iban", live.get().maskedIban(), "kind", "revoked",
                "day", PortalTime.DATE.format(LocalDate.now(clock)));
        family.emails().forEach(to -> mail.sendAfterCommit(new MailService.Mail(to,
                "Révocation de votre mandat de prélèvement SEPA – " + live.get().rum(), "debit-mandate", model)));
        return true;
    }

    /** The PDF of the family's live mandate. */
    Optional<byte[]> pdfOf(long familyFileId) {
        FamilySummary family = families.find(familyFileId).orElseThrow();
        return store.live(familyFileId).map(m -> pdf.of(m, family.name(), family.number()));
    }

    private void mailMandate(FamilySummary family, Mandate mandate, String subject, String kind) {
        byte[] content = pdf.of(mandate, family.name(), family.number());
        Map<String, Object> model = Map.of("rum", mandate.rum(), "iban", mandate.maskedIban(), "kind", kind,
                "day", PortalTime.DATE.format(mandate.signedOn()));
        for (String to : family.emails()) {
            mail.sendAfterCommit(new MailService.Mail(to, subject, "debit-mandate", model,
                    List.of(new MailService.Attachment("mandat-" + mandate.rum() + ".pdf", "application/pdf", content))));
        }
    }

    private static String bic(MandateForm form) {
        return form.getBic() == null || form.getBic().isBlank() ? null : form.getBic().strip().toUpperCase(java.util.Locale.ROOT);
    }
}
