package fr.portailfamille.billing;

import fr.portailfamille.staff.StaffGroup;
import fr.portailfamille.system.Euros;
import fr.portailfamille.system.security.StaffPrincipal;
import java.time.YearMonth;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** {@code /agent/facturation}: the billing runs and their progress, and a way to launch one, for the finances service. */
@Controller
class BillingStaffController {

    private final BillingRuns runs;
    private final RunReview review;
    private final RuntimeService runtime;
    private final DeskPayments payments;

    BillingStaffController(BillingRuns runs, RunReview review, RuntimeService runtime, DeskPayments payments) {
        this.payments = payments;
        this.runs = runs;
        this.review = review;
        this.runtime = runtime;
    }

    @GetMapping("/agent/facturation")
    String runs(@AuthenticationPrincipal StaffPrincipal staff, Model model) {
        checkFinances(staff);
        model.addAttribute("runs", runs.recent());
        if (!model.containsAttribute("month")) {
            model.addAttribute("month", runs.monthToBill().toString());
        }
        return "billing/agent-facturation";
    }

    /** One run, family by family, with the anomalies worth a look before publishing (linked from « Contrôler la facturation »). */
    @GetMapping("/agent/facturation/{runId}")
    String run(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable long runId, Model model) {
        checkFinances(staff);
        BillingRuns.RunView run = runs.find(runId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        List<RunReview.FamilyLine> lines = review.lines(runId, YearMonth.parse(run.month()));
        model.addAttribute("run", run);
        model.addAttribute("lines", lines);
        model.addAttribute("adjustments", review.adjustments(runId, run.amount()));
        model.addAttribute("anomalies", lines.stream().filter(RunReview.FamilyLine::hasAnomaly).count());
        model.addAttribute("farAmount", Euros.of(RunReview.FAR_AMOUNT));
        return "billing/agent-facturation-run";
    }

    /**
     * The receipt of a desk payment, for the agents who record them (finances, Guichet Unique): linked
     * from the family page.
     */
    @GetMapping("/agent/facturation/recus/{paymentId}/pdf")
    ResponseEntity<byte[]> receipt(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable String paymentId) {
        if (!staff.isIn(StaffGroup.FINANCES.id()) && !staff.isIn(StaffGroup.GUICHET_UNIQUE.id())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        long id;
        try {
            id = Long.parseLong(paymentId);
        } catch (NumberFormatException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        DeskReceipt receipt = payments.receipt(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        byte[] pdf = payments.receiptPdf(id, receipt.familyFileId()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ResponseEntity.ok().contentType(org.springframework.http.MediaType.APPLICATION_PDF)
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition.inline()
                        .filename("recu-" + receipt.number() + ".pdf").build().toString())
                .header(org.springframework.http.HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(pdf);
    }

    /** Starts {@code monthlyBilling} by its message; the process's start listener checks the month. */
    @PostMapping("/agent/facturation/lancer")
    String launch(@AuthenticationPrincipal StaffPrincipal staff, @RequestParam(defaultValue = "") String month, Model model,
            RedirectAttributes redirect) {
        checkFinances(staff);
        try {
            runtime.createMessageCorrelation(MonthlyBillingProcess.MESSAGE_BILL_MONTH)
                    .setVariable(MonthlyBillingProcess.MONTH.name(), month.trim()).correlateStartMessage();
        } catch (RuntimeException e) {
            BillingException refusal = refusal(e);
            if (refusal == null) {
                throw e;
            }
            model.addAttribute("runs", runs.recent());
            model.addAttribute("month", month);
            model.addAttribute("monthError", refusal.sentence());
            return "billing/agent-facturation";
        }
        redirect.addFlashAttribute("launched", month.trim());
        return "redirect:/agent/facturation";
    }

    private static BillingException refusal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BillingException b) {
                return b;
            }
        }
        return null;
    }

    private static void checkFinances(StaffPrincipal staff) {
        if (!staff.isIn(StaffGroup.FINANCES.id())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }
}
