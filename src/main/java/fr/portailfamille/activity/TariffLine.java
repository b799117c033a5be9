package fr.portailfamille.activity;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One cell of a tariff grid version: the price of one booking unit for a quotient-familial bracket
 * ({@code qfMin} ≤ QF ≤ {@code qfMax}, no upper bound when null) and a sibling rank (1, 2, 3 = 3rd and more).
 */
public record TariffLine(long activityId, LocalDate validFrom, int qfMin, Integer qfMax, int siblingRank, BigDecimal unitPrice) {

    public boolean matches(int quotientFamilial, int rank) {
        return quotientFamilial >= qfMin && (qfMax == null || quotientFamilial <= qfMax) && Math.min(rank, 3) == siblingRank;
    }
}
