package fr.portailfamille.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A family's portal account (the family file it belongs to is recorded by the family module). */
@Entity
@Table(name = "portal_account")
class PortalAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String username;

    @Column(nullable = false)
    private String email;

    @Column(nullable = false)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AccountStatus status;

    private String civility;
    private String lastName;
    private String firstName;
    private String phone;

    @Column(nullable = false)
    private Instant createdAt = Instant.now();

    private Instant activatedAt;

    private String termsVersion;
    private Instant termsAcceptedAt;

    protected PortalAccount() {}

    PortalAccount(String username, String email, String passwordHash, String civility, String lastName, String firstName, String phone) {
        this.username = username;
        this.email = email;
        this.passwordHash = passwordHash;
        this.civility = civility;
        this.lastName = lastName;
        this.firstName = firstName;
        this.phone = phone;
        this.status = AccountStatus.PENDING;
    }

    void activate(Instant now) {
        this.status = AccountStatus.ACTIVE;
        this.activatedAt = now;
    }

    void acceptTerms(String version, Instant at) {
        this.termsVersion = version;
        this.termsAcceptedAt = at;
    }

    void changePassword(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    String displayName() {
        String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).trim();
        return name.isEmpty() ? username : name;
    }

    Long getId() { return id; }
    String getUsername() { return username; }
    String getEmail() { return email; }
    String getPasswordHash() { return passwordHash; }
    AccountStatus getStatus() { return status; }
    String getCivility() { return civility; }
    String getLastName() { return lastName; }
    String getFirstName() { return firstName; }
    String getPhone() { return phone; }
    Instant getCreatedAt() { return createdAt; }
    Instant getActivatedAt() { return activatedAt; }
    String getTermsVersion() { return termsVersion; }
    Instant getTermsAcceptedAt() { return termsAcceptedAt; }
}
