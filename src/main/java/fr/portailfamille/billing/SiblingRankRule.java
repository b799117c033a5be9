package fr.portailfamille.billing;

import java.util.Comparator;

/**
 * How the sibling rank of a child is decided among the family's children using the same activity in
 * the month (setting {@code billing.sibling-rank}). Never from the order of the requests.
 */
enum SiblingRankRule {
    /** The eldest is rank 1, the next one rank 2…: the guide's intent (younger siblings pay less). */
    ELDEST_FIRST(Comparator.comparing(PricingInput.Child::birthDate).thenComparing(PricingInput.Child::id)),
    /** The youngest is rank 1. */
    YOUNGEST_FIRST(Comparator.comparing(PricingInput.Child::birthDate).reversed().thenComparing(PricingInput.Child::id));

    private final Comparator<PricingInput.Child> order;

    SiblingRankRule(Comparator<PricingInput.Child> order) {
        this.order = order;
    }

    Comparator<PricingInput.Child> order() {
        return order;
    }
}
