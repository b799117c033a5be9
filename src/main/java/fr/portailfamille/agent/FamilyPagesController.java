package fr.portailfamille.agent;

import fr.portailfamille.activity.Activities;
import fr.portailfamille.activity.ActivitySummary;
import fr.portailfamille.billing.Invoices;
import fr.portailfamille.dunning.Reminders;
import fr.portailfamille.family.FamilyFiles;
import fr.portailfamille.family.FamilyRecords.ChildDetails;
import fr.portailfamille.family.FamilyRecords.DocumentContent;
import fr.portailfamille.family.FamilyRecords.FileDetails;
import fr.portailfamille.family.FamilySummary;
import fr.portailfamille.family.Regime;
import fr.portailfamille.family.StaffFamilyFiles;
import fr.portailfamille.messaging.Messaging;
import fr.portailfamille.planning.BillableBooking;
import fr.portailfamille.planning.Bookings;
import fr.portailfamille.registration.Registrations;
import fr.portailfamille.staff.FamilyProcessHistory;
import fr.portailfamille.staff.StaffGroup;
import fr.portailfamille.system.PortalTime;
import fr.portailfamille.system.security.StaffPrincipal;
import fr.portailfamille.system.web.StaffDownloads;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /agent/dossiers}: one search box for the families (file number, name, child's name,
 * e-mail) and the family's page, each within what the agent's service needs to know
 * ({@link FamilyAccess}); every health sheet shown is recorded as read.
 */
@Controller
class FamilyPagesController {

    static final int MAX_RESULTS = 30;
    private static final int MAX_QUERY = 100;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE dd/MM", PortalTime.FRENCH);

    /** A search result: the family and how to recognise it. */
    record Hit(FamilySummary family, String children, String emails) {}

    /** A child on the family page: who, the health sheet if the agent may read it, pick-up persons, consents. */
    record ChildView(ChildDetails child, boolean healthAllowed, Object sheet, List<?> pickups, Object consents) {}

    /** The Guichet Unique's « Régime » form: a scheme, or none (« Non précisé »). */
    static final class RegimeForm {
        private Regime regime;

        public Regime getRegime() { return regime; }
        public void setRegime(Regime regime) { this.regime = regime; }
    }

    /** A booking of the month, ready to show. */
    record BookingLine(String day, String childName, String activityName, String state) {}

    private final StaffFamilyFiles files;
    private final FamilyFiles families;
    private final FamilyAccess access;
    private final Registrations registrations;
    private final Bookings bookings;
    private final Invoices invoices;
    private final Messaging messaging;
    private final Activities activities;
    private final FamilyProcessHistory processes;
    private final Reminders reminders;
    private final Clock clock;

    FamilyPagesController(StaffFamilyFiles files, FamilyFiles families, FamilyAccess access, Registrations registrations,
            Bookings bookings, Invoices invoices, Messaging messaging, Activities activities, FamilyProcessHistory processes,
            Reminders reminders, Clock clock) {
        this.reminders = reminders;
        this.files = files;
        this.families = families;
        this.access = access;
        this.registrations = registrations;
        this.bookings = bookings;
        this.invoices = invoices;
        this.messaging = messaging;
        this.activities = activities;
        this.processes = processes;
        this.clock = clock;
    }

    @GetMapping("/agent/dossiers")
    String search(@AuthenticationPrincipal StaffPrincipal staff, @RequestParam(name = "q", required = false) String query,
            Model model) {
        String typed = query == null ? "" : query.strip();
        model.addAttribute("q", typed);
        if (typed.length() > MAX_QUERY) {
            model.addAttribute("queryError", "Saisissez au plus " + MAX_QUERY + " caractères.");
            return "agent/recherche";
        }
        if (!typed.isEmpty()) {
            // more candidates than shown: a service's agent sees only its families among them
            List<Long> ids = files.search(typed, MAX_RESULTS * 4);
            Map<Long, FamilySummary> found = families.findAll(ids).stream()
                    .collect(Collectors.toMap(FamilySummary::id, Function.identity()));
            List<Hit> hits = new ArrayList<>();
            for (Long id : ids) {
                FamilySummary family = found.get(id);
                if (family != null && hits.size() < MAX_RESULTS && access.of(staff, id).file()) {
                    hits.add(new Hit(family, family.children().stream().map(c -> c.fullName()).collect(Collectors.joining(", ")),
                            String.join(", ", family.emails())));
                }
            }
            model.addAttribute("hits", hits);
        }
        model.addAttribute("restricted", !staff.isIn(StaffGroup.GUICHET_UNIQUE.id()) && !staff.isIn(StaffGroup.FINANCES.id()));
        return "agent/recherche";
    }

    /** The family's page, by its file number (« 100123 ») or, for the links of older tasks, its internal id. */
    @GetMapping("/agent/dossiers/{fileId}")
    String family(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable String fileId, Model model) {
        FileDetails file = find(fileId);
        RegimeForm form = new RegimeForm();
        form.setRegime(file.regime());
        model.addAttribute("regimeForm", form);
        return page(staff, file, model);
    }

    /**
     * « Enregistrer le régime »: the Guichet Unique sets the family's scheme (CAF, MSA, autre) read on
     * its certificate, or « Non précisé »; kept in the file's history.
     */
    @PostMapping("/agent/dossiers/{fileId}/regime")
    String changeRegime(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable String fileId,
            @ModelAttribute("regimeForm") RegimeForm form, BindingResult binding, Model model, RedirectAttributes redirect) {
        if (!staff.isIn(StaffGroup.GUICHET_UNIQUE.id())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Le régime du dossier est saisi par le Guichet Unique.");
        }
        FileDetails file = find(fileId);
        if (binding.hasErrors()) {
            return page(staff, file, model);
        }
        boolean changed = files.changeRegime(file.id(), form.getRegime(), staff.userId());
        redirect.addFlashAttribute("success", changed ? "Le régime est enregistré : " + Regime.labelOf(form.getRegime()) + "."
                : "Le régime était déjà « " + Regime.labelOf(form.getRegime()) + " ».");
        return "redirect:/agent/dossiers/" + file.number() + "#famille";
    }

    private String page(StaffPrincipal staff, FileDetails file, Model model) {
        FamilyAccess.Access allowed = allowed(staff, file.id());
        LocalDate today = LocalDate.now(clock);
        YearMonth month = YearMonth.from(today);

        List<ChildView> children = new ArrayList<>();
        for (ChildDetails child : file.children()) {
            boolean health = allowed.health(child.id());
            children.add(new ChildView(child, health,
                    health ? files.readHealthSheet(file.id(), child.id(), staff.userId()).orElse(null) : null,
                    files.pickupPersons(child.id()), files.consents(child.id()).orElse(null)));
        }
        Map<Long, String> childNames = new LinkedHashMap<>();
        file.children().forEach(c -> childNames.put(c.id(), c.fullName()));
        Map<Long, String> activityNames = activities.all().stream()
                .collect(Collectors.toMap(ActivitySummary::id, ActivitySummary::name));
        List<BookingLine> monthBookings = bookings.ofFamilyInMonth(file.id(), month).stream()
                .map((BillableBooking b) -> new BookingLine(DAY.format(b.day()), childNames.getOrDefault(b.childId(), ""),
                        activityNames.getOrDefault(b.activityId(), ""), b.state().label()))
                .toList();

        model.addAttribute("file", file);
        model.addAttribute("children", children);
        model.addAttribute("quotient", files.quotient(file.id(), today).orElse(null));
        model.addAttribute("registrations", registrations.linesOfFamily(file.id()));
        model.addAttribute("month", PortalTime.MONTH.format(month));
        model.addAttribute("bookings", monthBookings);
        model.addAttribute("account", invoices.accountOf(file.id()));
        model.addAttribute("reminders", reminders.sentTo(file.id()));
        model.addAttribute("instalments", reminders.instalmentsOf(file.id()));
        model.addAttribute("conversations", messaging.conversationsOf(file.id()));
        model.addAttribute("documents", files.documents(file.id()));
        model.addAttribute("requests", files.changeRequests(file.id()));
        model.addAttribute("processes", processes.of(file.id(), file.number(), 50));
        model.addAttribute("canRecordPayment", staff.isIn(StaffGroup.FINANCES.id()) || staff.isIn(StaffGroup.GUICHET_UNIQUE.id()));
        model.addAttribute("canEditRegime", staff.isIn(StaffGroup.GUICHET_UNIQUE.id()));
        Map<String, String> regimes = new LinkedHashMap<>();
        regimes.put("", Regime.labelOf(null));
        for (Regime regime : Regime.values()) {
            regimes.put(regime.name(), regime.label());
        }
        model.addAttribute("regimes", regimes);
        return "agent/dossier";
    }

    @GetMapping("/agent/dossiers/{fileId}/documents/{documentId}")
    ResponseEntity<byte[]> document(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable String fileId,
            @PathVariable long documentId) {
        FileDetails file = find(fileId);
        allowed(staff, file.id());
        DocumentContent document = files.document(file.id(), documentId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return StaffDownloads.of(document.mediaType(), document.fileName(), document.content());
    }

    /** A file by its number (digits for the files the portal numbers, letters allowed for imported ones), else by its internal id. */
    private FileDetails find(String key) {
        if (!key.matches("[A-Za-z0-9]{1,20}")) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        Optional<FileDetails> byNumber = files.fileByNumber(key);
        return byNumber.or(() -> key.matches("\\d{1,18}") ? files.file(Long.parseLong(key)) : Optional.empty())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private FamilyAccess.Access allowed(StaffPrincipal staff, long familyFileId) {
        FamilyAccess.Access allowed = access.of(staff, familyFileId);
        if (!allowed.file()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Ce dossier ne concerne pas votre service.");
        }
        return allowed;
    }
}
