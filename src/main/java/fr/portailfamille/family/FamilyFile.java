package fr.portailfamille.family;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hibernate.annotations.BatchSize;

@Entity
@Table(name = "family_file")
class FamilyFile {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String number;

    @Column(nullable = false)
    private String name;

    private String addressLine;
    private String postalCode;
    private String city;

    /** The family's scheme for the CAF report; null until the Guichet Unique sets it (« Non précisé »). */
    @Enumerated(EnumType.STRING)
    private Regime regime;

    /** The linked portal account, if any (at most one per file, enforced by the database). */
    private Long accountId;

    @Column(nullable = false)
    private Instant createdAt = Instant.now();

    @OneToMany(mappedBy = "familyFile", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    // loaded for many files at once (the billing run): one query per 200 files, not one per file
    @BatchSize(size = 200)
    private List<Guardian> guardians = new ArrayList<>();

    @OneToMany(mappedBy = "familyFile", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("birthDate")
    @BatchSize(size = 200)
    private List<Child> children = new ArrayList<>();

    protected FamilyFile() {}

    FamilyFile(String number, String name) {
        this.number = number;
        this.name = name;
    }

    FamilyFile withAddress(String addressLine, String postalCode, String city) {
        this.addressLine = addressLine;
        this.postalCode = postalCode;
        this.city = city;
        return this;
    }

    Guardian addGuardian(Guardian guardian) {
        guardian.attachTo(this, guardians.size() + 1);
        guardians.add(guardian);
        return guardian;
    }

    Child addChild(Child child) {
        child.attachTo(this);
        children.add(child);
        return child;
    }

    Optional<Child> child(long childId) {
        return children.stream().filter(c -> c.getId() == childId).findFirst();
    }

    Optional<Guardian> guardian(long guardianId) {
        return guardians.stream().filter(g -> g.getId() == guardianId).findFirst();
    }

    void linkAccount(long accountId) {
        if (this.accountId != null) {
            throw new IllegalStateException("dossier déjà rattaché à un compte");
        }
        this.accountId = accountId;
    }

    void changeRegime(Regime regime) {
        this.regime = regime;
    }

    void unlinkAccount() {
        this.accountId = null;
    }

    Long getId() { return id; }
    String getNumber() { return number; }
    String getName() { return name; }
    String getAddressLine() { return addressLine; }
    String getPostalCode() { return postalCode; }
    String getCity() { return city; }
    Long getAccountId() { return accountId; }
    Regime getRegime() { return regime; }
    List<Guardian> getGuardians() { return guardians; }
    List<Child> getChildren() { return children; }
}
