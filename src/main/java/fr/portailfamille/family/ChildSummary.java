package fr.portailfamille.family;

import java.time.LocalDate;
import java.time.Period;

/** What other modules may know of a child. */
public record ChildSummary(long id, long familyFileId, String firstName, String lastName, LocalDate birthDate) {

    public int ageOn(LocalDate day) {
        return Period.between(birthDate, day).getYears();
    }

    public String fullName() {
        return firstName + " " + lastName;
    }
}
