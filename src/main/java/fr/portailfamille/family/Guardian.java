package fr.portailfamille.family;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A legal guardian ("responsable légal") of the family's children. */
@Entity
@Table(name = "guardian")
class Guardian {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "family_file_id")
    private FamilyFile familyFile;

    @Column(nullable = false)
    private int position;

    private String civility;

    @Column(nullable = false)
    private String lastName;

    @Column(nullable = false)
    private String firstName;

    private String relationship;
    private String email;
    private String mobilePhone;
    private String homePhone;
    private String workPhone;

    protected Guardian() {}

    Guardian(String civility, String lastName, String firstName, String relationship, String email, String mobilePhone) {
        this.civility = civility;
        this.lastName = lastName;
        this.firstName = firstName;
        this.relationship = relationship;
        this.email = email;
        this.mobilePhone = mobilePhone;
    }

    void attachTo(FamilyFile file, int position) {
        this.familyFile = file;
        this.position = position;
    }

    void changeContacts(String email, String mobilePhone, String homePhone, String workPhone) {
        this.email = email;
        this.mobilePhone = mobilePhone;
        this.homePhone = homePhone;
        this.workPhone = workPhone;
    }

    FamilyFile getFamilyFile() { return familyFile; }
    Long getId() { return id; }
    String getCivility() { return civility; }
    String getLastName() { return lastName; }
    String getFirstName() { return firstName; }
    String getRelationship() { return relationship; }
    String getEmail() { return email; }
    String getMobilePhone() { return mobilePhone; }
    String getHomePhone() { return homePhone; }
    String getWorkPhone() { return workPhone; }
}
