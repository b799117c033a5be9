package fr.portailfamille.family;

import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The family module's checks of a file a family uploads, for other modules taking files from
 * families (a medical certificate): the same size limit, the same types detected from the content,
 * the same safe file name as the supporting documents.
 */
@Component
public class FamilyUploads {

    public static final int MAX_SIZE = SupportingDocuments.MAX_SIZE;
    public static final String TOO_LARGE = SupportingDocuments.TOO_LARGE;

    private final SupportingDocuments documents;

    FamilyUploads(SupportingDocuments documents) {
        this.documents = documents;
    }

    /** Why this content cannot be accepted, in French; empty when it can. */
    public Optional<String> problemWith(byte[] content) {
        return documents.problemWith(content);
    }

    /** The type detected from the content (never the name the browser gave). */
    public String mediaType(byte[] content) {
        return documents.detect(content);
    }

    /** The uploaded file's name, cut to a safe one (no path, no odd characters, at most 100 characters). */
    public String safeFileName(String original) {
        return FamilyInput.sanitizedFileName(original);
    }
}
