package fr.portailfamille.family;

import java.time.LocalDate;

/** A family's quotient familial, valid from a day to another (open-ended when {@code validTo} is null). */
public record QuotientFamilial(int value, LocalDate validFrom, LocalDate validTo, String source) {

    public boolean isValidOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }
}
