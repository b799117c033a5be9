package fr.portailfamille.dunning;

/** The French words of the module's states. */
final class Labels {

    private Labels() {}

    static String instalment(String state) {
        return switch (state) {
            case "PAID" -> "réglée";
            case "MISSED" -> "non réglée";
            default -> "à venir";
        };
    }

    static String followUp(String state) {
        return switch (state) {
            case "TO_START", "FOLLOWED" -> "relances en cours";
            case "PLAN" -> "échéancier";
            case "HANDED_OVER" -> "transmise au comptable public";
            case "WRITTEN_OFF" -> "abandonnée";
            default -> "payée";
        };
    }
}
