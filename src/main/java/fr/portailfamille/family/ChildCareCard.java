package fr.portailfamille.family;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;

/**
 * What the animators of an activity must have at hand for a child on the day: age and class, the
 * health points (PAI, allergies, diet), who may pick the child up and the parents' phones.
 */
public record ChildCareCard(long childId, long familyFileId, String firstName, String lastName, LocalDate birthDate,
        String school, String schoolClass, boolean pai, String paiDetails, String allergies, String diet,
        List<Contact> pickupPersons, List<Contact> parents) {

    /** A person to call: name, link to the child (« grand-mère », « mère »…) and phone numbers. */
    public record Contact(String name, String relationship, List<String> phones) {}

    public int ageOn(LocalDate day) {
        return Period.between(birthDate, day).getYears();
    }

    public String fullName() {
        return lastName + " " + firstName;
    }

    public boolean hasAllergies() {
        return allergies != null && !allergies.isBlank();
    }

    public boolean hasDiet() {
        return diet != null && !diet.isBlank();
    }

    /** Whether anything of the health sheet must catch the eye (the badge of the day sheet). */
    public boolean healthAlert() {
        return pai || hasAllergies() || hasDiet();
    }
}
