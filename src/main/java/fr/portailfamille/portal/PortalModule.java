package fr.portailfamille.portal;

/** The guide's five modules, in the guide's order, with their tab paths. */
enum PortalModule {
    DOSSIER("Mon dossier", "/dossier", "Les informations de votre famille : enfants, coordonnées, documents."),
    INSCRIPTIONS("Inscriptions", "/inscriptions", "Pré-inscrire vos enfants à une activité."),
    PLANNING("Planning", "/planning", "Réserver les jours de venue de vos enfants."),
    FACTURATION("Facturation", "/facturation", "Vos factures en attente, leur paiement et l'historique."),
    MESSAGERIE("Messagerie", "/messagerie", "Écrire aux services de la ville et lire leurs réponses.");

    private final String label;
    private final String path;
    private final String description;

    PortalModule(String label, String path, String description) {
        this.label = label;
        this.path = path;
        this.description = description;
    }

    public String label() { return label; }
    public String path() { return path; }
    public String description() { return description; }
    public String key() { return name().toLowerCase(); }
}
