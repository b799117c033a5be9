package fr.portailfamille.staff;

import fr.portailfamille.system.security.StaffPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The staff's entry page: one section per group of the agent (an administrator sees every group's
 * and its own), each listing the pages that group may use, as the modules declared them.
 */
@Controller
class StaffHomeController {

    /** A group's part of the home: its name and its pages. */
    record GroupHome(String id, String label, List<StaffPage> pages) {}

    private final List<StaffPages> contributions;

    StaffHomeController(List<StaffPages> contributions) {
        this.contributions = contributions;
    }

    @GetMapping("/agent/connexion")
    String login() {
        return "staff/connexion";
    }

    @GetMapping("/agent")
    String home(@AuthenticationPrincipal StaffPrincipal staff, Model model) {
        List<String> services = staff.groups().stream()
                .map(g -> StaffGroup.byId(g).map(StaffGroup::label).orElse(g.equals(StaffGroup.ADMIN) ? "Administration" : g))
                .toList();
        model.addAttribute("staff", staff);
        model.addAttribute("services", services);
        model.addAttribute("homes", homesOf(staff));
        return "staff/accueil";
    }

    List<GroupHome> homesOf(StaffPrincipal staff) {
        List<GroupHome> homes = new ArrayList<>();
        for (StaffGroup group : StaffGroup.values()) {
            if (staff.isIn(group.id())) {
                homes.add(new GroupHome(group.id(), group.label(), pagesOf(group.id())));
            }
        }
        if (staff.groups().contains(StaffGroup.ADMIN)) {
            homes.add(new GroupHome(StaffGroup.ADMIN, "Administration", pagesOf(StaffGroup.ADMIN)));
        }
        return homes;
    }

    private List<StaffPage> pagesOf(String group) {
        return contributions.stream().flatMap(c -> c.pages().stream())
                .filter(p -> p.groups().contains(group))
                .sorted(Comparator.comparingInt(StaffPage::rank).thenComparing(StaffPage::label))
                .toList();
    }

    /** The Camunda webapps: Tasklist for every service; Cockpit, its « Historique des demandes » and Admin for the administrators. */
    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class CamundaPages {

        @org.springframework.context.annotation.Bean
        StaffPages camundaWebapps() {
            return StaffPages.of(
                    StaffPage.of(0, "Tasklist", "/camunda/app/tasklist/default/", "les tâches de votre service", StaffPage.everyService()),
                    StaffPage.of(80, "Cockpit", "/camunda/app/cockpit/default/", "suivi des processus et des incidents", StaffGroup.ADMIN),
                    StaffPage.of(85, "Historique des demandes", "/camunda/app/cockpit/default/#/historique-demandes",
                            "les demandes terminées et leur audit, dans Cockpit", StaffGroup.ADMIN),
                    StaffPage.of(90, "Admin", "/camunda/app/admin/default/", "agents, groupes et autorisations", StaffGroup.ADMIN));
        }
    }
}
