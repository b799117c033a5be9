package fr.portailfamille.family;

import java.util.Set;

/**
 * Which kinds of supporting documents a family has given: {@code present} = uploaded and not refused
 * (being checked or accepted), {@code accepted} = accepted by the Guichet Unique and still valid.
 */
public record SupportingDocumentTypes(Set<DocumentType> present, Set<DocumentType> accepted) {

    public boolean isAccepted(DocumentType type) {
        return accepted.contains(type);
    }
}
