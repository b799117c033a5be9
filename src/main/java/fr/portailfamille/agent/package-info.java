/**
 * The town agent's workspace around Tasklist ({@code /agent/dossiers}, {@code /agent/exports}…):
 * finding a family, its page gathering what every module knows of it (file, registrations,
 * bookings, invoices, payments, messages, requests), within what the agent's service needs to
 * know, and the spreadsheets the services work with. It owns no data of its own: it reads the
 * modules' public services, as the family's « Mon dossier » does in {@code portal}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Poste de l'agent",
        allowedDependencies = {"family", "registration", "planning", "billing", "dunning", "messaging", "activity", "staff", "system",
                "system :: *"})
package fr.portailfamille.agent;
