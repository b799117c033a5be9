package fr.portailfamille.planning;

import fr.portailfamille.system.PortalTime;
import fr.portailfamille.activity.Activities;
import fr.portailfamille.activity.ActivitySummary;
import fr.portailfamille.family.ChildSummary;
import fr.portailfamille.family.FamilyFiles;
import fr.portailfamille.family.FamilySummary;
import fr.portailfamille.system.PortalProperties;
import fr.portailfamille.system.mail.MailService;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The French mail a family gets when its child leaves a waiting list for a booked place. */
@Component
class PromotionMail {

    static final String SUBJECT = "Place obtenue : réservation confirmée";

    private final FamilyFiles families;
    private final Activities activities;
    private final MailService mail;
    private final PortalProperties properties;

    PromotionMail(FamilyFiles families, Activities activities, MailService mail, PortalProperties properties) {
        this.families = families;
        this.activities = activities;
        this.mail = mail;
        this.properties = properties;
    }

    /** Queues the mail to every guardian address of the family; it leaves once the promotion is committed. */
    void sendAfterCommit(BookingLedger.Promotion promotion) {
        FamilySummary family = families.find(promotion.familyFileId()).orElse(null);
        if (family == null) {
            return;
        }
        String child = family.children().stream().filter(c -> c.id() == promotion.childId()).findFirst()
                .map(ChildSummary::firstName).orElse("votre enfant");
        String activity = activities.find(promotion.activityId()).map(ActivitySummary::name).orElse("l'activité");
        Map<String, Object> model = Map.of(
                "child", child,
                "activity", activity,
                "day", PortalTime.DAY.format(promotion.day()),
                "link", properties.link("/planning?activite=" + promotion.activityId() + "&mois="
                        + java.time.YearMonth.from(promotion.day())));
        for (String email : family.emails()) {
            mail.sendAfterCommit(email, SUBJECT + " pour " + child, "planning-promotion", model);
        }
    }
}
